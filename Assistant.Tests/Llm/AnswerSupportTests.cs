using Assistant.Core.Llm;

namespace Assistant.Tests.Llm;

public sealed class AnswerSupportTests
{
    private static readonly RagPassage[] Passages =
    [
        new("orari.md#Orari", "Aperti dal lunedì al venerdì dalle 9.30 alle 18:00, il 24/12 chiusura alle 13:00."),
        new("prezzi.md#Listino", "Igiene orale: 80,00 €. Sbiancamento: € 1.200. Visita di controllo 45.50 EUR."),
    ];

    [Theory]
    [InlineData("Apriamo alle 09:30 e chiudiamo alle 18.", 1.0)]
    [InlineData("L'igiene costa 80 € e lo sbiancamento 1200 €.", 1.0)]
    [InlineData("La visita costa 45,50 €.", 1.0)]
    [InlineData("Il 24/12 chiudiamo alle 13.", 1.0)]
    [InlineData("Certo, la aspettiamo!", 1.0)]
    [InlineData("L'igiene costa 60 €.", 0.0)]
    [InlineData("Apriamo alle 9:30, l'igiene costa 95 €.", 0.5)]
    [InlineData("Il 25/12 apriamo alle 10:00, costa 80 €.", 1.0 / 3)]
    public void Score_is_the_share_of_answer_facts_found_in_the_passages(string answer, double expected) =>
        Assert.Equal(expected, AnswerSupport.Score(answer, Passages), precision: 6);

    [Fact]
    public void Unsupported_facts_are_listed_as_written()
    {
        var unsupported = AnswerSupport.UnsupportedFacts("Apriamo alle 9:30, l'igiene costa 95 € e la visita 45.50.", Passages.Select(p => p.Text));

        Assert.Equal(["95"], unsupported);
    }

    [Fact]
    public void Without_passages_every_fact_is_unsupported() =>
        Assert.Equal(0.0, AnswerSupport.Score("Costa 80 €.", Array.Empty<RagPassage>()));
}
