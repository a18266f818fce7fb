using System.Text;
using System.Text.RegularExpressions;
using Assistant.Core.Knowledge.Text;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>Cuts a passage's markdown into quotable units, kept verbatim apart from markup.</summary>
public static partial class AnswerUnits
{
    public static List<AnswerUnit> Of(string markdown)
    {
        var units = new List<AnswerUnit>();
        foreach (var block in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines[0].StartsWith('|'))
            {
                AddTable(lines, units);
            }
            else
            {
                AddText(lines, units);
            }
        }
        return units;
    }

    /// <summary>
    /// Stemmed words that hold for every statement of a passage: its headings and its running text
    /// (an address line names the branch a whole section is about), but not its list items or table
    /// rows, which name one thing each.
    /// </summary>
    public static HashSet<string> SharedTerms(Passage passage, IEnumerable<AnswerUnit> units)
    {
        var shared = Tokenizer.Terms(passage.Context).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => !u.IsItem))
        {
            shared.UnionWith(Tokenizer.Terms(unit.MatchText));
        }
        return shared;
    }

    /// <summary>Markdown emphasis, code and link syntax removed; the words stay.</summary>
    public static string Plain(string text)
    {
        var s = LinkPattern().Replace(text, "$1");
        s = s.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return WhitespacePattern().Replace(s, " ").Trim();
    }

    private static void AddTable(string[] lines, List<AnswerUnit> units)
    {
        var rows = lines.Where(l => l.StartsWith('|')).Select(Cells).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var header = rows[0];
        foreach (var row in rows.Skip(1).Where(r => !r.All(c => c.Trim('-', ':', ' ').Length == 0)))
        {
            var text = new StringBuilder(row[0]);
            for (var c = 1; c < row.Count; c++)
            {
                text.Append(c == 1 ? ": " : " · ");
                if (c < header.Count && header[c].Length > 0 && row.Count > 2)
                {
                    text.Append(header[c]).Append(' ');
                }
                text.Append(row[c]);
            }
            var rendered = text.ToString();
            units.Add(new AnswerUnit(rendered, $"{string.Join(' ', header)} {rendered}", units.Count, IsItem: true));
        }

        static List<string> Cells(string line) =>
            line.Trim().Trim('|').Split('|').Select(c => Plain(c.Trim())).ToList();
    }

    private static void AddText(string[] lines, List<AnswerUnit> units)
    {
        string? intro = null;
        var paragraph = new List<string>();
        foreach (var line in lines)
        {
            var item = ListItem(line);
            if (item is null)
            {
                paragraph.Add(line);
                continue;
            }
            if (paragraph.Count > 0)
            {
                intro = AddParagraphBeforeList(string.Join(' ', paragraph), units);
                paragraph.Clear();
            }
            var plainItem = Plain(item);
            units.Add(new AnswerUnit(plainItem, intro is null ? plainItem : $"{intro} {plainItem}", units.Count, IsItem: true));
        }
        if (paragraph.Count > 0)
        {
            AddSentences(string.Join('\n', paragraph), units);
        }
    }

    /// <summary>
    /// A paragraph followed by a list: its sentences are units of their own, except a last one that
    /// ends with a colon, which introduces the list items (returned). "…the number is 335 640 7721.
    /// Emergencies are:" keeps the number quotable.
    /// </summary>
    private static string? AddParagraphBeforeList(string text, List<AnswerUnit> units)
    {
        if (!text.EndsWith(':'))
        {
            AddSentences(text, units);
            return null;
        }
        var sentences = SentenceBoundary().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count > 1)
        {
            AddSentences(string.Join(' ', sentences.Take(sentences.Count - 1)), units);
        }
        return Plain(sentences[^1]);
    }

    private static string? ListItem(string line)
    {
        if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("+ ", StringComparison.Ordinal))
        {
            return line[2..];
        }
        var match = OrderedItemPattern().Match(line);
        return match.Success ? line[match.Length..] : null;
    }

    /// <summary>
    /// Sentences of a paragraph. A question ("**Posso…?**" in a FAQ) is kept with the sentence
    /// that answers it, since the question alone tells the customer nothing.
    /// </summary>
    private static void AddSentences(string paragraph, List<AnswerUnit> units)
    {
        var sentences = new List<string>();
        foreach (var line in paragraph.Split('\n'))
        {
            sentences.AddRange(SentenceBoundary().Split(line).Select(s => s.Trim()).Where(s => s.Length > 0));
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = Plain(sentences[i]);
            if (sentence.EndsWith('?') && i + 1 < sentences.Count)
            {
                sentence = $"{sentence} {Plain(sentences[++i])}";
            }
            units.Add(new AnswerUnit(sentence, sentence, units.Count));
        }
    }

    // After . ! ? (optionally closing ** or quotes) and a space, before an upper-case letter, a digit or markup.
    [GeneratedRegex(@"(?<=[.!?](\*\*|""|»|\))?)\s+(?=[\p{Lu}\d*""«(])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^\d+[.)]\s")]
    private static partial Regex OrderedItemPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
