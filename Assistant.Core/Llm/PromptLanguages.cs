using Assistant.Core.Businesses;

namespace Assistant.Core.Llm;

/// <summary>Language names and forms of address for the prompts' instructions (written in English, which models follow best).</summary>
internal static class PromptLanguages
{
    public static string Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "it";
        }

        var code = language.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        return dash > 0 ? code[..dash] : code;
    }

    public static string Name(string code) => code switch
    {
        "it" => "Italian",
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "sq" => "Albanian",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        "zh" => "Chinese",
        _ => $"the language with code '{PromptFence.Attribute(code)}'",
    };

    public static string ToneInstruction(string code, BusinessTone tone) => (code, tone) switch
    {
        ("it", BusinessTone.Formal) => "Address the customer formally with \"Lei\" (never \"tu\"): courteous and professional.",
        ("it", _) => "Address the customer informally with \"tu\": warm and friendly.",
        ("en", BusinessTone.Formal) => "Be polite and professional.",
        ("en", _) => "Be warm and friendly.",
        (_, BusinessTone.Formal) => "Use the language's formal form of address: courteous and professional.",
        _ => "Use the language's informal form of address: warm and friendly.",
    };
}
