using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Core.Llm;

/// <summary>
/// A cheap grounding check of a model's answer: the share of its numbers, times, dates and prices that
/// also occur in the passages. An invented price or opening hour lowers the score, and with it the
/// confidence, so the answer waits for a person instead of being sent. Formats are compared by value:
/// <c>9.30</c> = <c>09:30</c>, <c>25 €</c> = <c>25,00 €</c>, <c>1.200</c> = <c>1200</c>, <c>18</c> = <c>18:00</c>.
/// </summary>
public static partial class AnswerSupport
{
    // Dates first (12/05, 12/05/2026), then numbers with '.', ',' or ':' separators.
    [GeneratedRegex(@"(?<!\d)(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d+(?:[.,:]\d+)*)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FactRegex();

    [GeneratedRegex(@"^(\d{1,2})[:.](\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    /// <summary>1.0 when every number, time, date and price of the answer is in the passages (or it has none); 0.0 when none is.</summary>
    public static double Score(string answer, IEnumerable<RagPassage> passages) =>
        Score(answer, passages.Select(p => p.Text));

    /// <inheritdoc cref="Score(string, IEnumerable{RagPassage})"/>
    public static double Score(string answer, IEnumerable<string> passageTexts)
    {
        var facts = Facts(answer);
        if (facts.Count == 0)
        {
            return 1.0;
        }

        var known = KnownKeys(passageTexts);
        var supported = facts.Count(fact => Keys(fact).Overlaps(known));
        return (double)supported / facts.Count;
    }

    /// <summary>The answer's numbers, times, dates and prices that the passages do not contain, as written in the answer.</summary>
    public static IReadOnlyList<string> UnsupportedFacts(string answer, IEnumerable<string> passageTexts)
    {
        var known = KnownKeys(passageTexts);
        return [.. Facts(answer).Where(fact => !Keys(fact).Overlaps(known))];
    }

    private static List<string> Facts(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. FactRegex().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    private static HashSet<string> KnownKeys(IEnumerable<string> texts)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var fact in Facts(text))
            {
                keys.UnionWith(Keys(fact));
            }
        }

        return keys;
    }

    /// <summary>Every value a written fact may stand for: "1.200" is 1200 in Italian and 1.2 in English, "9.30" a time or a price.</summary>
    private static HashSet<string> Keys(string fact)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);

        if (fact.Contains('/', StringComparison.Ordinal))
        {
            var parts = fact.Split('/').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            keys.Add($"d{parts[0]}/{parts[1]}");
            if (parts.Length == 3)
            {
                var year = parts[2] < 100 ? parts[2] + 2000 : parts[2];
                keys.Add($"d{parts[0]}/{parts[1]}/{year}");
            }

            return keys;
        }

        if (TimeRegex().Match(fact) is { Success: true } time)
        {
            var hour = int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(time.Groups[2].Value, CultureInfo.InvariantCulture);
            if (hour <= 24 && minute < 60)
            {
                keys.Add($"t{hour}:{minute:00}");
                if (minute == 0)
                {
                    keys.Add($"n{hour}");
                }
            }
        }

        if (fact.Contains(':', StringComparison.Ordinal))
        {
            if (keys.Count == 0)
            {
                keys.Add("r" + fact);
            }

            return keys;
        }

        AddNumberKeys(fact, keys);
        if (keys.Count == 0)
        {
            keys.Add("r" + fact);
        }

        return keys;
    }

    private static void AddNumberKeys(string fact, HashSet<string> keys)
    {
        var separators = fact.Where(c => c is '.' or ',').ToArray();
        if (separators.Length == 0)
        {
            AddNumber(fact, keys);
            return;
        }

        var groups = fact.Split('.', ',');
        if (separators.Distinct().Count() == 1)
        {
            // All groups after the first of three digits: thousands separators (1.200, 1,200,000).
            if (groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3))
            {
                AddNumber(string.Concat(groups), keys);
            }

            // A single separator may be the decimal one in either convention (12,50 / 12.50).
            if (separators.Length == 1)
            {
                AddNumber(groups[0] + "." + groups[1], keys);
            }

            return;
        }

        // Both kinds: the last one is the decimal separator (1.200,50 / 1,200.50).
        var decimalAt = fact.LastIndexOfAny(['.', ',']);
        var integerPart = new string([.. fact[..decimalAt].Where(char.IsDigit)]);
        AddNumber(integerPart + "." + fact[(decimalAt + 1)..], keys);
    }

    private static void AddNumber(string invariant, HashSet<string> keys)
    {
        if (decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            keys.Add("n" + value.ToString("0.############", CultureInfo.InvariantCulture));
        }
    }
}
