using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Tests.Outbound;

public sealed class WhatsAppFormatterTests
{
    [Theory]
    [InlineData("**bold**", "*bold*")]
    [InlineData("__bold__", "*bold*")]
    [InlineData("*italic* and _italic_", "_italic_ and _italic_")]
    [InlineData("~~gone~~", "~gone~")]
    [InlineData("***both***", "_*both*_")]
    [InlineData("See [our site](https://example.org) now", "See our site (https://example.org) now")]
    [InlineData("<https://example.org>", "https://example.org")]
    [InlineData("Hello <b>there</b><br>friend", "Hello there\nfriend")]
    [InlineData("Use `code` here", "Use `code` here")]
    [InlineData("Caffè &amp; cornetto", "Caffè & cornetto")]
    public void Inline_markdown_becomes_whatsapp_formatting(string markdown, string expected) =>
        Assert.Equal(expected, WhatsAppFormatter.Format(markdown));

    [Fact]
    public void Headings_become_bold_lines_and_paragraphs_stay_apart()
    {
        var text = WhatsAppFormatter.Format("# Orari\n\nSiamo aperti **dal lunedì**.\n\n## Dove\nVia Roma 1");

        Assert.Equal("*Orari*\n\nSiamo aperti *dal lunedì*.\n\n*Dove*\n\nVia Roma 1", text);
    }

    [Fact]
    public void Lists_become_dash_and_number_lines_with_nesting()
    {
        var text = WhatsAppFormatter.Format("* uno\n* due\n  1. a\n  2. b\n\n3. tre\n4. quattro");

        Assert.Equal("- uno\n- due\n  1. a\n  2. b\n\n3. tre\n4. quattro", text);
    }

    [Fact]
    public void Tables_become_cell_colon_cell_lines()
    {
        var text = WhatsAppFormatter.Format("| Servizio | Prezzo |\n|---|---|\n| Taglio | 20 € |\n| Piega | 15 € |");

        Assert.Equal("Taglio: 20 €\nPiega: 15 €", text);
    }

    [Fact]
    public void Wide_tables_keep_the_column_names()
    {
        var text = WhatsAppFormatter.Format("| Servizio | Prezzo | Durata |\n|---|---|---|\n| Taglio | 20 € | 30 min |");

        Assert.Equal("Taglio: Prezzo 20 €, Durata 30 min", text);
    }

    [Fact]
    public void Html_blocks_are_stripped_and_code_blocks_kept_monospace()
    {
        Assert.Equal("Ciao", WhatsAppFormatter.Format("<div>\n<p>Ciao</p>\n</div>"));
        Assert.Equal("```\nvar x = 1;\n```", WhatsAppFormatter.Format("```csharp\nvar x = 1;\n```"));
    }

    [Fact]
    public void Quotes_keep_the_whatsapp_quote_marker() =>
        Assert.Equal("> citato", WhatsAppFormatter.Format("> citato"));

    [Fact]
    public void Empty_input_gives_empty_output() => Assert.Equal("", WhatsAppFormatter.Format("  "));
}
