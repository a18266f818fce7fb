using System.Text;

namespace Assistant.Core.Knowledge.Text;

/// <summary>
/// Splits folded text into word and number tokens. Numbers keep their inner separators as one
/// token with thousands dots removed ("245.000" = "245000", "10:00" stays, "2,5" stays), so that
/// prices and times a customer types meet the ones in the knowledge base.
/// </summary>
public static class Tokenizer
{
    /// <summary>Raw folded tokens, stop words included, no stemming.</summary>
    public static List<string> Words(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            // Keep separators between digits ("9:30", "2,5", "245.000") and inner hyphens of codes ("cn-s214").
            var joinsDigits = (c is '.' or ',' or ':') && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < folded.Length && char.IsDigit(folded[i + 1]);
            var joinsCode = c == '-' && current.Length > 0 && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]) && HasDigitAround(folded, current, i);
            if (joinsDigits || joinsCode)
            {
                current.Append(c);
                continue;
            }
            Flush(current, tokens);
        }
        Flush(current, tokens);
        return tokens;
    }

    /// <summary>Content terms: shorthand expanded, stop words dropped, stemmed.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            var expanded = TextNormalizer.ExpandShorthand(word);
            if (StopWords.Contains(expanded))
            {
                continue;
            }
            terms.Add(LightStemmer.Stem(expanded));
        }
        return terms;
    }

    private static bool HasDigitAround(string text, StringBuilder current, int index)
    {
        for (var k = 0; k < current.Length; k++)
        {
            if (char.IsDigit(current[k]))
            {
                return true;
            }
        }
        for (var k = index + 1; k < text.Length && char.IsLetterOrDigit(text[k]); k++)
        {
            if (char.IsDigit(text[k]))
            {
                return true;
            }
        }
        return false;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0)
        {
            return;
        }
        var token = current.ToString();
        current.Clear();
        if (char.IsDigit(token[0]) && token.Contains('.', StringComparison.Ordinal) && IsThousands(token))
        {
            token = token.Replace(".", string.Empty, StringComparison.Ordinal);
        }
        tokens.Add(token);
    }

    // "245.000" and "1.260" are Italian thousands; "3.60" would be a decimal.
    private static bool IsThousands(string token)
    {
        var groups = token.Split('.');
        return groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsDigit));
    }
}
