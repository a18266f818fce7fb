using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Llm;

/// <summary>
/// The summary without an LLM: labelled lines of key facts, merged with the previous summary's lines.
/// Deterministic, so the same conversation always gives the same summary.
/// </summary>
internal static partial class ExtractiveSummary
{
    private const int MaxNames = 2;
    private const int MaxDates = 6;
    private const int MaxCodes = 5;
    private const int MaxRequestLength = 180;

    private static readonly Labels Italian = new("Nome", "Date e orari", "Codici", "Richiesta", "In precedenza");
    private static readonly Labels English = new("Name", "Dates and times", "Codes", "Request", "Earlier");

    // Keywords case-insensitive, the name itself capitalised: "sono stanco" is not a name, "sono Giulia" is.
    [GeneratedRegex(@"(?:(?i:mi chiamo|il mio nome è|il mio nome e'|sono|my name is|i am|i'm|this is|nome:|name:))\s+(\p{Lu}[\p{Ll}'’]+(?:\s+\p{Lu}[\p{Ll}'’]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(
        @"\b\d{4}-\d{2}-\d{2}\b" +
        @"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b" +
        @"|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b" +
        @"|\b(?:alle|ore|dalle|at)\s+\d{1,2}(?:[:.][0-5]\d)?\b" +
        @"|\b(?:[01]?\d|2[0-3]):[0-5]\d\b" +
        @"|\b\d{1,2}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)\b" +
        @"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b" +
        @"|\b(?:lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|oggi|domani|dopodomani|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    // Booking, order and invoice codes: upper-case letters mixed with digits, '#123', or long digit runs.
    [GeneratedRegex(@"(?<![\w-])(?:(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}|#\d{3,}|\d{5,})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    public static string Build(string? previousSummary, IReadOnlyList<ConversationTurn> turns, string language, int maxLength)
    {
        var labels = language == "it" ? Italian : English;
        var facts = Parse(previousSummary);

        foreach (var turn in turns)
        {
            var text = WhitespaceRegex().Replace(turn.Text ?? string.Empty, " ").Trim();
            if (turn.Role == ConversationRole.Customer)
            {
                foreach (Match match in NameRegex().Matches(text))
                {
                    AddDistinct(facts.Names, match.Groups[1].Value);
                }

                foreach (Match match in CodeRegex().Matches(text))
                {
                    AddDistinct(facts.Codes, match.Value);
                }

                if (IsRequest(text))
                {
                    facts.Request = Shorten(text, MaxRequestLength);
                }
            }

            // The business's side counts for dates and times: "confermato martedì alle 15:30".
            foreach (Match match in DateTimeRegex().Matches(text))
            {
                AddDistinct(facts.Dates, match.Value);
            }
        }

        return Render(facts, labels, maxLength);
    }

    private static string Render(Facts facts, Labels labels, int maxLength)
    {
        var lines = new List<string>();
        AddLine(lines, labels.Name, facts.Names.TakeLast(MaxNames));
        AddLine(lines, labels.Dates, facts.Dates.TakeLast(MaxDates));
        AddLine(lines, labels.Codes, facts.Codes.TakeLast(MaxCodes));
        if (!string.IsNullOrEmpty(facts.Request))
        {
            lines.Add($"{labels.Request}: {facts.Request}");
        }

        var used = lines.Sum(l => l.Length + 1);
        if (!string.IsNullOrEmpty(facts.Earlier))
        {
            // A previous summary in free text (from the LLM) is kept as far as room allows, never at the cost of new facts.
            var room = maxLength - used - labels.Earlier.Length - 2;
            if (room > 40)
            {
                lines.Add($"{labels.Earlier}: {Shorten(facts.Earlier, room)}");
            }
        }

        var summary = string.Join('\n', lines);
        return summary.Length <= maxLength ? summary : Shorten(summary, maxLength);
    }

    private static Facts Parse(string? previousSummary)
    {
        var facts = new Facts();
        if (string.IsNullOrWhiteSpace(previousSummary))
        {
            return facts;
        }

        var unparsed = new StringBuilder();
        foreach (var rawLine in previousSummary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            var label = colon > 0 ? rawLine[..colon].Trim() : string.Empty;
            var value = colon > 0 ? rawLine[(colon + 1)..].Trim() : rawLine;
            if (Is(label, Italian.Name, English.Name))
            {
                SplitInto(facts.Names, value);
            }
            else if (Is(label, Italian.Dates, English.Dates))
            {
                SplitInto(facts.Dates, value);
            }
            else if (Is(label, Italian.Codes, English.Codes))
            {
                SplitInto(facts.Codes, value);
            }
            else if (Is(label, Italian.Request, English.Request))
            {
                facts.Request = value;
            }
            else if (Is(label, Italian.Earlier, English.Earlier))
            {
                unparsed.Append(value).Append(' ');
            }
            else
            {
                unparsed.Append(rawLine).Append(' ');
            }
        }

        facts.Earlier = unparsed.ToString().Trim();
        return facts;
    }

    private static bool IsRequest(string text)
    {
        // "grazie", "ok" and the like leave the earlier request standing.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= 4 || text.Contains('?', StringComparison.Ordinal);
    }

    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd() + "…";
    }

    private static void AddLine(List<string> lines, string label, IEnumerable<string> values)
    {
        var joined = string.Join(", ", values);
        if (joined.Length > 0)
        {
            lines.Add($"{label}: {joined}");
        }
    }

    private static void SplitInto(List<string> target, string values)
    {
        foreach (var value in values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddDistinct(target, value);
        }
    }

    private static void AddDistinct(List<string> target, string value)
    {
        // The latest mention wins its place at the end: the newest facts survive the caps.
        target.RemoveAll(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        target.Add(value);
    }

    private static bool Is(string label, string italian, string english) =>
        string.Equals(label, italian, StringComparison.OrdinalIgnoreCase) || string.Equals(label, english, StringComparison.OrdinalIgnoreCase);

    private sealed record Labels(string Name, string Dates, string Codes, string Request, string Earlier);

    private sealed class Facts
    {
        public List<string> Names { get; } = [];

        public List<string> Dates { get; } = [];

        public List<string> Codes { get; } = [];

        public string? Request { get; set; }

        public string? Earlier { get; set; }
    }
}
