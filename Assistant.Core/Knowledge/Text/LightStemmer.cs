namespace Assistant.Core.Knowledge.Text;

/// <summary>
/// A deliberately light stemmer for Italian and English mixed text: plural and gender endings
/// only (in the spirit of Savoy's Italian light stemmer and the English "S" stemmer). Aggressive
/// stemmers merge unrelated business words (e.g. "conto"/"contratto"); light ones do not.
/// Both rules run on every token because a message may mix the two languages.
/// </summary>
public static class LightStemmer
{
    public static string Stem(string token)
    {
        if (token.Length < 4 || char.IsDigit(token[0]))
        {
            return token;
        }

        var s = token;

        // English: -ies -> -y, -sses -> -ss, -s (not -ss, -us, -is); -ing on long words.
        if (s.EndsWith("ies", StringComparison.Ordinal) && s.Length > 4)
        {
            s = s[..^3] + "y";
        }
        else if (s.EndsWith("ing", StringComparison.Ordinal) && s.Length > 6)
        {
            s = s[..^3];
        }
        else if (s.EndsWith('s') && !s.EndsWith("ss", StringComparison.Ordinal) && !s.EndsWith("us", StringComparison.Ordinal) && !s.EndsWith("is", StringComparison.Ordinal))
        {
            s = s[..^1];
        }

        if (s.Length < 5)
        {
            return s;
        }

        // Italian: final vowel of gender/number; "-ia/-io/-ie/-ii" lose both letters;
        // "-che/-chi/-ghe/-ghi" keep the hard consonant ("banche" -> "banc", "banca" -> "banc").
        var last = s[^1];
        var beforeLast = s[^2];
        return last switch
        {
            'e' or 'i' when beforeLast == 'h' => s[..^2],
            'a' or 'o' or 'e' or 'i' when beforeLast == 'i' => s[..^2],
            'a' or 'o' or 'e' or 'i' or 'y' => s[..^1],
            _ => s,
        };
    }
}
