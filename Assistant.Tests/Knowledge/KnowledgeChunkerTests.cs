using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Ingestion;

namespace Assistant.Tests.Knowledge;

public sealed class KnowledgeChunkerTests
{
    private const string Markdown = """
        # Prezzi – Studio Prova

        Listino generale.

        ## Trattamenti

        | Trattamento | Prezzo |
        |---|---|
        | Pulizia | 90 € |
        | Sbiancamento | 350 € |

        ## Pagamenti

        Si può pagare con:

        - carta di credito;

        - bancomat;
        - contanti.

        ### Rate

        Rate fino a 24 mesi.
        """;

    [Fact]
    public void Keeps_tables_and_lists_whole_and_carries_title_and_section()
    {
        var passages = new KnowledgeChunker { TargetCharacters = 10 }.Split("b1", new KnowledgeFile("prezzi.md", Markdown));

        var table = Assert.Single(passages, p => p.Text.Contains("| Pulizia", StringComparison.Ordinal));
        Assert.Contains("| Sbiancamento | 350 € |", table.Text, StringComparison.Ordinal);
        Assert.Equal("Trattamenti", table.Section);
        Assert.Equal("Prezzi – Studio Prova", table.Title);

        var list = Assert.Single(passages, p => p.Text.Contains("carta di credito", StringComparison.Ordinal));
        Assert.Contains("contanti", list.Text, StringComparison.Ordinal);
        Assert.Contains("Si può pagare con:", list.Text, StringComparison.Ordinal);

        var nested = Assert.Single(passages, p => p.Text.Contains("24 mesi", StringComparison.Ordinal));
        Assert.Equal("Pagamenti › Rate", nested.Section);
        Assert.Equal("Prezzi – Studio Prova › Pagamenti › Rate", nested.Context);

        Assert.All(passages, p => Assert.Equal("prezzi.md", p.FileName));
        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Plain_text_is_split_between_paragraphs_and_named_after_the_file()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Paragrafo {i} " + new string('x', 300)));
        var passages = new KnowledgeChunker().Split("b1", new KnowledgeFile("note.txt", text));

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.Equal("note", p.Title));
        Assert.Equal(6, passages.Sum(p => p.Text.Split("Paragrafo").Length - 1));
    }

    [Fact]
    public void The_hash_changes_with_the_content_only()
    {
        Assert.Equal(KnowledgeChunker.HashOf(new KnowledgeFile("a.md", "x")), KnowledgeChunker.HashOf(new KnowledgeFile("b.md", "x")));
        Assert.NotEqual(KnowledgeChunker.HashOf(new KnowledgeFile("a.md", "x")), KnowledgeChunker.HashOf(new KnowledgeFile("a.md", "y")));
    }
}
