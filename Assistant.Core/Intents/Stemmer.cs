namespace Assistant.Core.Intents;

/// <summary>
/// A light suffix stripper in the spirit of the Snowball stemmers, tuned for short chat
/// messages: Italian plural, gender and common verb endings, English -s/-ed/-ing/-ly. It only
/// has to map variants of one word to one key ("prenotare", "prenotazione", "prenoto" →
/// "prenot"); character n-grams catch what it misses.
/// </summary>
public static class Stemmer
{
    private const int MinimumStem = 3;

    // Longest first: the first matching suffix that leaves a long enough stem wins.
    private static readonly string[] ItalianSuffixes =
    [
        "azioni", "azione", "amenti", "amento", "imenti", "imento", "mente", "issima", "issimo",
        "issime", "issimi", "erebbe", "erebbero", "iamo", "ando", "endo", "ato", "ata", "ati", "ate",
        "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite", "are", "ere", "ire", "ano", "ono",
        "avo", "evo", "ivo", "ava", "eva", "iva", "ei", "o", "a", "e", "i",
    ];

    private static readonly string[] EnglishSuffixes =
    [
        "ational", "ations", "ation", "ingly", "ing", "edly", "ied", "ies", "ed", "ly", "es", "s",
    ];

    /// <summary>The stem of a normalised (lower-case, accent-free) word for <paramref name="language"/>.</summary>
    public static string Stem(string word, string? language) =>
        language == "en" ? StemEnglish(word) : StemItalian(word);

    public static string StemItalian(string word)
    {
        if (word.Length <= MinimumStem || word.StartsWith('_') || word.StartsWith("emo_", StringComparison.Ordinal))
        {
            return word;
        }
        foreach (var suffix in ItalianSuffixes)
        {
            if (word.Length - suffix.Length >= MinimumStem && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                // "-ch"/"-gh" before a front vowel is spelling, not stem: "amiche" → "amic".
                return stem.EndsWith('h') && stem.Length > MinimumStem && stem[^2] is 'c' or 'g' ? stem[..^1] : stem;
            }
        }
        return word;
    }

    public static string StemEnglish(string word)
    {
        if (word.Length <= MinimumStem || word.StartsWith('_') || word.StartsWith("emo_", StringComparison.Ordinal))
        {
            return word;
        }
        foreach (var suffix in EnglishSuffixes)
        {
            if (word.Length - suffix.Length >= MinimumStem && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                if (suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal))
                {
                    return word;
                }
                var stem = word[..^suffix.Length];
                if (suffix is "ied" or "ies")
                {
                    return stem + "y";
                }
                // "booking" → "book", "cancelled" → "cancel", "stopped" → "stop": undo the doubled consonant.
                if (suffix is "ing" or "ed" && stem.Length > MinimumStem && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'f'))
                {
                    return stem[..^1];
                }
                if (suffix is "ing" or "ed" && stem.Length > MinimumStem && stem[^1] == 'l' && stem[^2] == 'l')
                {
                    return stem[..^1];
                }
                return stem;
            }
        }
        // A final silent e: "cancel"/"schedule"/"scheduled" meet at "schedul".
        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }
}
