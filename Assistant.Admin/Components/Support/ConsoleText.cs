namespace Assistant.Admin.Components.Support;

/// <summary>
/// The console's words in Italian (the default: the first market) and English. A missing
/// translation shows the key, which a test notices at once.
/// </summary>
public sealed class ConsoleText
{
    public const string CookieName = "assistant.console.lang";
    public const string Italian = "it";
    public const string English = "en";

    private readonly IReadOnlyDictionary<string, string> _words;

    private ConsoleText(string language, IReadOnlyDictionary<string, string> words)
    {
        Language = language;
        _words = words;
    }

    public string Language { get; }

    public string this[string key] => _words.TryGetValue(key, out var text) ? text : key;

    /// <summary>A hand-off reason in words; one the console has no words for (a business's own always-human intent, a sender's sentence) as it is.</summary>
    public string Reason(string reason) => _words.TryGetValue("reason." + reason, out var text) ? text : reason;

    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.CurrentCulture, this[key], args);

    public static ConsoleText For(string? language) => Normalize(language) == English ? EnglishText : ItalianText;

    public static string Normalize(string? language) => language == English ? English : Italian;

    private static readonly ConsoleText ItalianText = new(Italian, ConsoleWords.Italian);
    private static readonly ConsoleText EnglishText = new(English, ConsoleWords.English);
}
