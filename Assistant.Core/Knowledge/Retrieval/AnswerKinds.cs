using System.Text.RegularExpressions;
using Assistant.Core.Knowledge.Text;

namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>Which kinds of fact a statement of the knowledge base gives, by the shape of its text.</summary>
public static partial class AnswerKinds
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "dodici", "quindici", "venti", "trenta", "cento", "mille",
        "meta", "mezzo", "mezza", "doppio", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen",
        "twenty", "thirty", "hundred", "thousand", "half", "twice", "double",
    };

    private static readonly HashSet<string> FreeWords = new(StringComparer.Ordinal)
    {
        "gratis", "gratuito", "gratuita", "gratuiti", "gratuite", "gratuitamente", "free", "compreso", "compresa", "compresi", "incluso", "inclusa", "inclusi", "included",
    };

    private static readonly HashSet<string> DayWords = new(StringComparer.Ordinal)
    {
        "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    };

    public static AnswerKind Of(string text)
    {
        var kinds = AnswerKind.None;
        var words = Tokenizer.Words(text);
        if (text.Any(char.IsDigit) || words.Any(NumberWords.Contains))
        {
            kinds |= AnswerKind.Quantity;
        }
        if (MoneyPattern().IsMatch(text) || words.Any(FreeWords.Contains))
        {
            kinds |= AnswerKind.Money;
        }
        if (ClockPattern().IsMatch(text) || DurationPattern().IsMatch(text) || words.Any(DayWords.Contains))
        {
            kinds |= AnswerKind.Time;
        }
        if (YearPattern().IsMatch(text))
        {
            kinds |= AnswerKind.Year;
        }
        if (PercentPattern().IsMatch(text))
        {
            kinds |= AnswerKind.Percent;
        }
        if (PersonPattern().IsMatch(text))
        {
            kinds |= AnswerKind.Person;
        }
        return kinds;
    }

    [GeneratedRegex(@"\d[\d.,]*\s*(€|euro\b|eur\b|\$|£)|[€$£]\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}\b")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"\b\d+\s*(ore|ora|h|hours?|minuti|minutes?|giorni|giorno|days?|settimane|weeks?|mesi|months?|anni|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"%|\bper ?cento\b|\bpercent\b", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    // Two capitalised words in a row (a first name and a surname, a named place or firm).
    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}']+\s+\p{Lu}[\p{Ll}']+")]
    private static partial Regex PersonPattern();
}
