using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

public sealed class ConceptLexiconTests
{
    [Theory]
    [InlineData("prenotare", "cue_book")]
    [InlineData("arrivare", "cue_where")]
    [InlineData("disdetta", "cue_cancel")]
    [InlineData("lawyer", "cue_legal")]
    public void A_word_lights_the_concept_its_beginning_signals(string word, string concept) =>
        Assert.Contains(concept, ConceptLexicon.ConceptsOf(word));

    [Theory]
    [InlineData("arrivederci", "cue_where")]
    [InlineData("sue", "cue_legal")]
    [InlineData("partita", "cue_world")]
    public void A_common_word_that_only_looks_like_a_cue_does_not_light_it(string word, string concept) =>
        Assert.DoesNotContain(concept, ConceptLexicon.ConceptsOf(word));

    [Fact]
    public void A_false_friend_still_lights_what_it_does_mean() =>
        Assert.Contains("cue_bye", ConceptLexicon.ConceptsOf("arrivederci"));
}
