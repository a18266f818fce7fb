namespace Assistant.Core.Knowledge.Text;

/// <summary>Italian or English by function words; enough to know whether a question and a text share a language.</summary>
public static class LanguageGuess
{
    private static readonly HashSet<string> Italian = new(StringComparer.Ordinal)
    {
        "il", "lo", "la", "gli", "le", "di", "da", "in", "con", "su", "per", "che", "non", "del", "della", "dei", "delle", "al", "alla", "nel", "nella",
        "e", "un", "una", "sono", "ho", "ha", "quanto", "quando", "come", "dove", "chi", "cosa", "quale", "posso", "mi", "si", "ci", "vi", "avete", "siete",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "is", "are", "do", "does", "can", "what", "when", "where", "who", "how", "which",
        "you", "your", "i", "my", "we", "our", "it", "and", "or", "have", "has", "there", "much", "many",
    };

    /// <summary>"it", "en", or null when neither clearly wins.</summary>
    public static string? Of(string text)
    {
        int it = 0, en = 0;
        foreach (var word in Tokenizer.Words(text))
        {
            it += Italian.Contains(word) ? 1 : 0;
            en += English.Contains(word) ? 1 : 0;
        }
        return it > en ? "it" : en > it ? "en" : null;
    }
}
