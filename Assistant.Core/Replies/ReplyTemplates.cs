using Assistant.Core.Businesses;

namespace Assistant.Core.Replies;

/// <summary>
/// Renders the template replies: a pack's <c>responses.json</c> text when it has one for the key
/// and language, else the built-in text for the business's tone. Languages the business does not
/// list fall back to its default language.
/// </summary>
public static class ReplyTemplates
{
    /// <summary>Languages with built-in texts; English is the last resort for any other.</summary>
    public static IReadOnlyList<string> BuiltInLanguages { get; } = ["it", "en"];

    /// <summary>True when a built-in text exists for <paramref name="key"/>.</summary>
    public static bool IsKnown(string key) => DefaultReplyTexts.Has(key);

    /// <summary>
    /// The reply for <paramref name="key"/> (a <see cref="ReplyKeys"/> value or an intent id) in
    /// <paramref name="language"/>, with <c>{businessName}</c>, <c>{displayPhoneNumber}</c>,
    /// <c>{customerName}</c> and any <paramref name="placeholders"/> filled.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Neither the responses nor the built-in texts have the key.</exception>
    public static string Render(
        string key,
        string? language,
        BusinessTone tone,
        BusinessProfile business,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? responses = null,
        IReadOnlyDictionary<string, string?>? placeholders = null)
    {
        var resolved = ResolveLanguage(language, business);
        var template = Find(key, resolved, tone, responses)
            ?? Find(key, business.DefaultLanguage, tone, responses)
            ?? DefaultReplyTexts.Get(key, "en", tone)
            ?? throw new KeyNotFoundException($"No reply template '{key}'.");

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["businessName"] = business.Name,
            ["displayPhoneNumber"] = business.DisplayPhoneNumber,
        };
        if (placeholders is not null)
        {
            foreach (var (name, value) in placeholders)
            {
                values[name] = value;
            }
        }
        return PlaceholderFormatter.Format(template, values);
    }

    /// <summary>The pack's tone and responses.</summary>
    public static string Render(string key, string? language, BusinessPack pack, IReadOnlyDictionary<string, string?>? placeholders = null) =>
        Render(key, language, pack.Profile.Tone, pack.Profile, pack.Responses, placeholders);

    /// <summary><paramref name="language"/> when the business lists it, else the business's default language.</summary>
    public static string ResolveLanguage(string? language, BusinessProfile business) =>
        language is not null && business.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)
            ? language.ToLowerInvariant()
            : business.DefaultLanguage;

    private static string? Find(string key, string language, BusinessTone tone, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? responses)
    {
        if (responses is not null
            && responses.TryGetValue(key, out var byLanguage)
            && byLanguage.TryGetValue(language, out var custom)
            && !string.IsNullOrWhiteSpace(custom))
        {
            return custom;
        }
        return DefaultReplyTexts.Get(key, language, tone);
    }
}
