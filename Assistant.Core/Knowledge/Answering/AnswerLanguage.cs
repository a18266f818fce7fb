namespace Assistant.Core.Knowledge.Answering;

/// <summary>The fixed sentences of an extractive answer, in the customer's language and the business's tone.</summary>
internal static class AnswerLanguage
{
    public static bool IsEnglish(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string LeadIn(string? language) => IsEnglish(language)
        ? "Here is what our information says:"
        : "Ecco cosa risulta dalle nostre informazioni:";

    public static string Source(string? language, string section) => IsEnglish(language)
        ? $"(Source: {section})"
        : $"(Fonte: {section})";

    public static string Abstain(string? language, bool friendly) => IsEnglish(language)
        ? "I'm sorry, I don't have that information. I can pass you to a colleague who will get back to you as soon as possible."
        : friendly
            ? "Mi dispiace, non ho questa informazione. Posso passarti a un collega che ti risponderà al più presto."
            : "Mi dispiace, non ho questa informazione. Posso passarla a un collega che le risponderà al più presto.";
}
