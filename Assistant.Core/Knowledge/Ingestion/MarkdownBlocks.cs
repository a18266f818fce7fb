using System.Text;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// A line-level reading of markdown that is enough for knowledge files: ATX headings open
/// sections; inside a section, blank lines separate blocks, and a table or a list is one block
/// even when its items are separated by blank lines. Plain text has no headings: one section of
/// paragraphs.
/// </summary>
internal static class MarkdownBlocks
{
    internal sealed record Section(int Level, string Heading, IReadOnlyList<string> Path, List<string> Blocks);

    public static List<Section> Sections(string content)
    {
        var sections = new List<Section>();
        var path = new List<(int Level, string Heading)>();
        var current = new Section(0, string.Empty, [], []);
        var block = new List<string>();
        var blockKind = BlockKind.None;

        void FlushBlock()
        {
            if (block.Count > 0)
            {
                current.Blocks.Add(string.Join('\n', block).Trim());
                block.Clear();
            }
            blockKind = BlockKind.None;
        }

        void FlushSection()
        {
            FlushBlock();
            if (current.Blocks.Count > 0 || current.Level == 1)
            {
                sections.Add(current);
            }
        }

        foreach (var rawLine in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var heading = ParseHeading(line);
            if (heading is { } h)
            {
                FlushSection();
                path.RemoveAll(p => p.Level >= h.Level);
                path.Add(h);
                current = new Section(h.Level, h.Heading, path.Select(p => p.Heading).ToList(), []);
                continue;
            }

            if (line.Length == 0)
            {
                // A blank line ends a paragraph or a table; a list may go on after it (loose list).
                if (blockKind != BlockKind.List)
                {
                    FlushBlock();
                }
                continue;
            }

            var kind = KindOf(line);
            var indented = char.IsWhiteSpace(rawLine[0]);
            var continues = blockKind switch
            {
                BlockKind.List => kind == BlockKind.List || indented,
                BlockKind.Table => kind == BlockKind.Table,
                // A paragraph that introduces a list ("Servono:") stays with it.
                BlockKind.Paragraph => kind == BlockKind.Paragraph || (kind == BlockKind.List && block.Count > 0 && block[^1].EndsWith(':')),
                _ => false,
            };
            if (!continues)
            {
                FlushBlock();
                // "Servono:" followed by a blank line and the list: still one block.
                if (kind == BlockKind.List && current.Blocks.Count > 0 && current.Blocks[^1].EndsWith(':'))
                {
                    block.Add(current.Blocks[^1]);
                    current.Blocks.RemoveAt(current.Blocks.Count - 1);
                }
            }
            block.Add(line);
            if (blockKind is BlockKind.None || kind == BlockKind.List)
            {
                blockKind = kind;
            }
        }
        FlushSection();
        return sections;
    }

    private static (int Level, string Heading)? ParseHeading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }
        if (level is 0 or > 6 || level >= line.Length || line[level] != ' ')
        {
            return null;
        }
        return (level, StripInline(line[(level + 1)..].Trim().TrimEnd('#').Trim()));
    }

    private static BlockKind KindOf(string line)
    {
        var t = line.TrimStart();
        if (t.StartsWith('|'))
        {
            return BlockKind.Table;
        }
        if (t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("* ", StringComparison.Ordinal) || t.StartsWith("+ ", StringComparison.Ordinal) || IsOrderedItem(t))
        {
            return BlockKind.List;
        }
        return BlockKind.Paragraph;
    }

    private static bool IsOrderedItem(string t)
    {
        var i = 0;
        while (i < t.Length && char.IsDigit(t[i]))
        {
            i++;
        }
        return i > 0 && i + 1 < t.Length && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ';
    }

    /// <summary>Removes emphasis and code markers from a heading.</summary>
    public static string StripInline(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('*' or '_' or '`'))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private enum BlockKind
    {
        None,
        Paragraph,
        List,
        Table,
    }
}
