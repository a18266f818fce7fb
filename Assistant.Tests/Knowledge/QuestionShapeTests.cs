using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Knowledge.Retrieval;

namespace Assistant.Tests.Knowledge;

/// <summary>The question structure the answerability check rests on, read from function words and casing only.</summary>
public sealed class QuestionShapeTests
{
    [Theory]
    [InlineData("Il monolocale di Via Sacchi ha la lavatrice?", "lavatric")]
    [InlineData("Che classe energetica ha il negozio?", "class,energetic")]
    [InlineData("Quanto sono le spese condominiali della villetta?", "spes,condominial")]
    [InlineData("How many parking spaces does the garage have?", "park,spac")]
    [InlineData("Il garage ha posti per disabili?", "post,disabil")]
    [InlineData("Is there a lift?", "lift")]
    public void The_focus_is_what_follows_a_question_word_or_a_has_verb(string question, string expected)
    {
        Assert.Equal(expected.Split(',').Order(), QuestionShape.FocusTerms(question).Order());
    }

    [Theory]
    [InlineData("La dott.ssa Elena Neri parla inglese?", "parl,ingles")]
    [InlineData("Il Garage Verdi è aperto la domenica?", "apert,domenic")]
    public void A_yes_no_question_about_a_name_asks_what_follows_the_name(string question, string expected)
    {
        Assert.Equal(expected.Split(',').Order(), QuestionShape.FocusTerms(question).Order());
    }

    [Fact]
    public void Capitalised_common_words_the_glossary_translates_are_not_names()
    {
        var named = QuestionShape.NamedTerms("Who speaks English on Monday at Garage Verdi?");

        Assert.DoesNotContain("english", named);
        Assert.DoesNotContain("monday", named);
        Assert.Contains("verd", named);
    }

    [Theory]
    [InlineData("Quanto dura la visita?")]
    [InlineData("Accettate la carta?")]
    public void A_question_without_an_asked_noun_has_no_focus(string question)
    {
        Assert.Empty(QuestionShape.FocusTerms(question));
    }

    [Theory]
    [InlineData("Quanto costa la pulizia?", AnswerKind.Money)]
    [InlineData("How much do I pay?", AnswerKind.Money)]
    [InlineData("In che anno è nata l'agenzia?", AnswerKind.Year)]
    [InlineData("Quanti giorni ci vogliono?", AnswerKind.Quantity)]
    [InlineData("What percentage can I deduct?", AnswerKind.Percent)]
    [InlineData("Chi si occupa degli affitti?", AnswerKind.Person)]
    [InlineData("How long is the lease?", AnswerKind.Time)]
    public void The_expected_kind_of_fact_comes_from_the_question_words(string question, AnswerKind kind)
    {
        Assert.True(QuestionShape.Expected(question).Kinds.HasFlag(kind));
    }

    [Fact]
    public void A_price_verb_is_a_cue_a_charge_noun_is_not()
    {
        Assert.Contains("cost", QuestionShape.Expected("Quanto costa la pulizia?").Cues);
        Assert.DoesNotContain("spes", QuestionShape.Expected("Quanto sono le spese condominiali?").Cues);
    }

    [Fact]
    public void Names_are_capitalised_words_inside_the_sentence_and_codes()
    {
        var named = QuestionShape.NamedTerms("Il trilocale di Via Belfiore ha l'ascensore? E il cn-s214?");

        Assert.Contains("belfior", named);
        Assert.Contains("via", named);
        Assert.Contains("cn-s214", named);
        Assert.DoesNotContain("il", named);
        Assert.DoesNotContain("trilocal", named);
    }

    [Theory]
    [InlineData("Prezzo: 245.000 €.", AnswerKind.Money)]
    [InlineData("Aperto dalle 9:00 alle 13:00.", AnswerKind.Time)]
    [InlineData("Fondata nel 2009.", AnswerKind.Year)]
    [InlineData("Detraibili al 19%.", AnswerKind.Percent)]
    [InlineData("Chiedere di Chiara Valsecchi.", AnswerKind.Person)]
    [InlineData("Entro tre giorni.", AnswerKind.Quantity)]
    public void A_statement_offers_the_kinds_its_text_has_the_shape_of(string text, AnswerKind kind)
    {
        Assert.True(AnswerKinds.Of(text).HasFlag(kind));
        Assert.Equal(AnswerKind.None, AnswerKinds.Of("niente da dire qui") & kind);
    }

    [Fact]
    public void A_statement_about_the_named_thing_that_lacks_the_asked_attribute_scores_low()
    {
        // An empty index: every word unseen, so the weights come from the question's structure alone.
        var question = "Il Garage Bramante ha posti per disabili?";
        var concepts = new LexicalIndex([]).Analyze(question);
        var (kinds, _) = QuestionShape.Expected(question);

        var aboutTheGarage = Score("Consigliamo il Garage Bramante, convenzionato con lo studio.");
        var answering = Score("Il Garage Bramante ha due posti per disabili al piano terra.");
        var otherThing = Score("L'ingresso ha posti per disabili.");

        Assert.True(answering > 0.9, $"answering {answering:F2}");
        Assert.True(aboutTheGarage < 0.5, $"about the garage {aboutTheGarage:F2}");
        Assert.True(otherThing < 0.5, $"other thing {otherThing:F2}");

        double Score(string text)
        {
            var terms = Core.Knowledge.Text.Tokenizer.Terms(text).ToHashSet(StringComparer.Ordinal);
            return StatementScorer.Score(concepts, kinds, terms.Contains, AnswerKinds.Of(text));
        }
    }

    [Fact]
    public void A_paragraph_introducing_a_list_keeps_its_statements_quotable()
    {
        var units = AnswerUnits.Of("Il numero di reperibilità è 335 640 7721. Sono emergenze:\n- perdite d'acqua\n- caldaia guasta");

        Assert.Contains(units, u => u.Text == "Il numero di reperibilità è 335 640 7721.");
        Assert.Contains(units, u => u.Text == "perdite d'acqua" && u.MatchText.StartsWith("Sono emergenze:", StringComparison.Ordinal));
    }
}
