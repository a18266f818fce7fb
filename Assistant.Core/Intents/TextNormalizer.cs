using System.Globalization;
using System.Text;

namespace Assistant.Core.Intents;

/// <summary>
/// Turns informal WhatsApp text (Italian and English first) into lower-case, accent-free tokens:
/// emoji become tokens such as <c>emo_thanks</c>, letters repeated for emphasis are squeezed
/// ("ciaooo" → "ciao"), chat abbreviations are expanded ("x" → "per", "cmq" → "comunque") and the
/// formal and informal Italian forms collapse ("puoi", "potete", "può" → "puo") so that one
/// example teaches all of them.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Token emitted for a question mark: asking and telling are different intents.</summary>
    public const string QuestionToken = "_q";

    /// <summary>Token standing for any number (times, prices, phone numbers).</summary>
    public const string NumberToken = "_num";

    /// <summary>Token standing for a currency sign.</summary>
    public const string MoneyToken = "_money";

    /// <summary>The normalised tokens of <paramref name="text"/>.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                AppendFolded(word, rune);
                continue;
            }
            if (Rune.IsDigit(rune))
            {
                // Digits glued to letters ("3ore", "h15") still make a number token of their own.
                Flush(word, tokens);
                if (tokens.Count == 0 || tokens[^1] != NumberToken)
                {
                    tokens.Add(NumberToken);
                }
                continue;
            }
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            Flush(word, tokens);
            if (rune.Value == '?')
            {
                if (tokens.Count == 0 || tokens[^1] != QuestionToken)
                {
                    tokens.Add(QuestionToken);
                }
            }
            else if (rune.Value is '€' or '$' or '£')
            {
                tokens.Add(MoneyToken);
            }
            else if (EmojiTokens.TryGet(rune, out var emoji))
            {
                if (emoji.Length > 0 && (tokens.Count == 0 || tokens[^1] != emoji))
                {
                    tokens.Add(emoji);
                }
            }
        }
        Flush(word, tokens);
        return tokens;
    }

    /// <summary>The normalised tokens joined by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokenize(text));

    private static void AppendFolded(StringBuilder word, Rune rune)
    {
        var lower = Rune.ToLowerInvariant(rune);
        if (lower.Value < 0x80)
        {
            word.Append((char)lower.Value);
            return;
        }
        if (lower.Value == 'ß')
        {
            word.Append("ss");
            return;
        }

        // Decompose and keep the base letters: "è" → "e", "perché" → "perche".
        Span<char> buffer = stackalloc char[2];
        var length = lower.EncodeToUtf16(buffer);
        foreach (var c in new string(buffer[..length]).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }
        var squeezed = Squeeze(word);
        word.Clear();
        if (ChatVocabulary.Expansions.TryGetValue(squeezed, out var expansion))
        {
            tokens.AddRange(expansion);
        }
        else
        {
            tokens.Add(squeezed);
        }
    }

    /// <summary>
    /// Runs of three or more equal letters are emphasis ("ciaooo", "grazieeee"): keep one. A final
    /// doubled vowel other than e and o is emphasis too ("siii" already, "graziaa"); "ee" and "oo"
    /// end real English words ("free", "too"), so those stay.
    /// </summary>
    private static string Squeeze(StringBuilder word)
    {
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var run = 1;
            while (i + run < word.Length && word[i + run] == c)
            {
                run++;
            }
            result.Append(c);
            if (run == 2)
            {
                var atEnd = i + run == word.Length;
                if (!(atEnd && c is 'a' or 'i' or 'u' && word.Length > 3))
                {
                    result.Append(c);
                }
            }
            i += run - 1;
        }
        return result.ToString();
    }
}
