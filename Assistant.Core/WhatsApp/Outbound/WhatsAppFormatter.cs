using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Turns the Markdown a language model writes into WhatsApp's own formatting: <c>*bold*</c>,
/// <c>_italic_</c>, <c>~strike~</c>, headings as bold lines, <c>- </c> and <c>1. </c> lists, links as
/// <c>text (url)</c>, tables as <c>cell: cell</c> lines, HTML removed. Parsed with Markdig rather than
/// rewritten with regular expressions, so nesting and lists of lists come out right.
/// </summary>
public static partial class WhatsAppFormatter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static string Format(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var output = new StringBuilder();
        RenderBlocks(document, output, indent: "");
        return CollapseBlankLines().Replace(output.ToString().Trim(), "\n\n");
    }

    private static void RenderBlocks(ContainerBlock container, StringBuilder output, string indent)
    {
        foreach (var block in container)
        {
            var text = RenderBlock(block, indent);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (output.Length > 0)
            {
                output.Append("\n\n");
            }

            output.Append(text);
        }
    }

    private static string RenderBlock(Block block, string indent) => block switch
    {
        HeadingBlock heading => Bold(Inlines(heading.Inline, plain: true)),
        ParagraphBlock paragraph => Inlines(paragraph.Inline, plain: false),
        ListBlock list => RenderList(list, indent),
        QuoteBlock quote => string.Join('\n', RenderContainer(quote).Split('\n').Select(l => "> " + l)),
        FencedCodeBlock or CodeBlock => "```\n" + ((LeafBlock)block).Lines.ToString().TrimEnd() + "\n```",
        Table table => RenderTable(table),
        HtmlBlock html => StripHtml(html.Lines.ToString()),
        ThematicBreakBlock => "",
        ContainerBlock container => RenderContainer(container),
        LeafBlock leaf => leaf.Inline is not null ? Inlines(leaf.Inline, plain: false) : leaf.Lines.ToString(),
        _ => "",
    };

    private static string RenderContainer(ContainerBlock container)
    {
        var output = new StringBuilder();
        RenderBlocks(container, output, "");
        return output.ToString();
    }

    private static string RenderList(ListBlock list, string indent)
    {
        var lines = new List<string>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            var first = true;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    lines.Add(RenderList(nested, indent + "  "));
                    continue;
                }

                var text = RenderBlock(child, indent);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var prefix = first ? indent + marker : indent + new string(' ', marker.Length);
                lines.Add(prefix + text.Replace("\n", "\n" + indent + new string(' ', marker.Length), StringComparison.Ordinal));
                first = false;
            }
        }

        return string.Join('\n', lines);
    }

    private static string RenderTable(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var headerCells = header is null ? [] : Cells(header);
        var lines = new List<string>();
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = Cells(row);
            if (cells.Count == 0)
            {
                continue;
            }

            if (cells.Count <= 2 || headerCells.Count != cells.Count)
            {
                lines.Add(string.Join(": ", cells.Where(c => c.Length > 0)));
                continue;
            }

            // Wider tables keep the column names, or the numbers would lose their meaning.
            var rest = cells.Skip(1).Select((c, i) => $"{headerCells[i + 1]} {c}".Trim());
            lines.Add($"{cells[0]}: {string.Join(", ", rest)}");
        }

        return string.Join('\n', lines);
    }

    private static List<string> Cells(TableRow row) =>
        row.OfType<TableCell>().Select(c => RenderContainer(c).Replace('\n', ' ').Trim()).ToList();

    private static string Inlines(ContainerInline? container, bool plain)
    {
        if (container is null)
        {
            return "";
        }

        var output = new StringBuilder();
        foreach (var inline in container)
        {
            output.Append(Inline(inline, plain));
        }

        return output.ToString().Trim();
    }

    private static string Inline(Inline inline, bool plain) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        EmphasisInline emphasis => Emphasis(emphasis, plain),
        LinkInline { IsImage: true } image => Link(Inlines(image, plain: true), image.Url),
        LinkInline link => Link(Inlines(link, plain), link.Url),
        AutolinkInline autolink => autolink.Url,
        CodeInline code => plain ? code.Content : "`" + code.Content + "`",
        LineBreakInline => "\n",
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        HtmlInline html => html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) ? "\n" : "",
        ContainerInline container => Inlines(container, plain),
        _ => "",
    };

    private static string Emphasis(EmphasisInline emphasis, bool plain)
    {
        var content = Inlines(emphasis, plain);
        if (plain || content.Length == 0)
        {
            return content;
        }

        return (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
        {
            ('~', _) => "~" + content + "~",
            (_, >= 3) => "*_" + content + "_*",
            (_, 2) => Bold(content),
            _ => "_" + content + "_",
        };
    }

    private static string Bold(string content) => content.Length == 0 ? "" : "*" + content + "*";

    private static string Link(string text, string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return text;
        }

        var bareUrl = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url[7..] : url;
        return text.Length == 0 || text == url || text == bareUrl ? bareUrl : $"{text} ({bareUrl})";
    }

    private static string StripHtml(string html) =>
        WebUtility.HtmlDecode(HtmlTag().Replace(BreakTag().Replace(html, "\n"), "")).Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex CollapseBlankLines();
}
