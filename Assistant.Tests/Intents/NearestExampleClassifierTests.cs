using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

public sealed class NearestExampleClassifierTests
{
    private static readonly string[] Labels = ["a_price", "b_hours", "c_where"];

    private static readonly (string, string)[] Examples =
    [
        ("quanto costa la pulizia dei denti?", "a_price"),
        ("che prezzo ha lo sbiancamento?", "a_price"),
        ("a che ora aprite il sabato?", "b_hours"),
        ("siete aperti domenica mattina?", "b_hours"),
        ("dove si trova lo studio?", "c_where"),
        ("c'è parcheggio vicino allo studio?", "c_where"),
    ];

    [Theory]
    [InlineData("quanto costa la pulizia?", "a_price")]
    [InlineData("il sabato a che ora aprite?", "b_hours")]
    [InlineData("lo studio dove si trova esattamente?", "c_where")]
    public void A_paraphrase_of_an_example_gets_its_label(string text, string label)
    {
        var probabilities = new NearestExampleClassifier(Examples, Labels).Probabilities(text, "it");
        Assert.Equal(label, Labels[Array.IndexOf(probabilities, probabilities.Max())]);
    }

    [Fact]
    public void Probabilities_sum_to_one_even_for_words_never_seen()
    {
        var classifier = new NearestExampleClassifier(Examples, Labels);
        foreach (var text in new[] { "quanto costa?", "xyzzy plugh", "" })
        {
            var probabilities = classifier.Probabilities(text, "it");
            Assert.Equal(Labels.Length, probabilities.Length);
            Assert.Equal(1f, probabilities.Sum(), 3);
        }
    }

    [Fact]
    public void A_message_with_nothing_in_common_gets_no_preference() =>
        Assert.All(new NearestExampleClassifier(Examples, Labels).Probabilities("xyzzy plugh", "it"), p => Assert.Equal(1f / 3, p, 3));
}
