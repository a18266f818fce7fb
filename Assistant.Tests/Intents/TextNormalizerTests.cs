using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Ciaooo 👋", "ciao emo_wave")]
    [InlineData("Perché nn mi rispondete x favore?", "perche non mi rispondete per favore _q")]
    [InlineData("xké cmq qnd aprite??", "perche comunque quando aprite _q")]
    [InlineData("GRAZIEEEE 🙏🙏", "grazie emo_thanks")]
    [InlineData("È così, però", "e cosi pero")]
    [InlineData("Lei può? Tu puoi? Voi potete?", "lei puo _q tu puo _q voi puo _q")]
    [InlineData("thx u, pls asap", "thanks you please as soon as possible")]
    [InlineData("servizio pessimo 😡", "servizio pessimo emo_angry")]
    [InlineData("ok ❤️👍", "ok emo_love emo_ok")]
    [InlineData("alle 15:30 costa 40€", "alle _num costa _num _money")]
    [InlineData("dov'è l'ufficio", "dove e l ufficio")]
    public void Normalises_informal_chat(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Empty_text_has_no_tokens()
    {
        Assert.Empty(TextNormalizer.Tokenize(""));
        Assert.Empty(TextNormalizer.Tokenize("   "));
    }

    [Theory]
    [InlineData("prenotare", "prenotazione", "prenoto")]
    [InlineData("spostare", "spostato", "sposto")]
    [InlineData("appuntamento", "appuntamenti", "appuntamento")]
    public void Italian_variants_share_a_stem(string a, string b, string c)
    {
        Assert.Equal(Stemmer.StemItalian(a), Stemmer.StemItalian(b));
        Assert.Equal(Stemmer.StemItalian(a), Stemmer.StemItalian(c));
    }

    [Theory]
    [InlineData("booking", "booked", "books")]
    [InlineData("cancelled", "cancelling", "cancels")]
    [InlineData("stopped", "stopping", "stops")]
    public void English_variants_share_a_stem(string a, string b, string c)
    {
        Assert.Equal(Stemmer.StemEnglish(a), Stemmer.StemEnglish(b));
        Assert.Equal(Stemmer.StemEnglish(a), Stemmer.StemEnglish(c));
    }

    [Fact]
    public void Short_words_and_tokens_are_not_stemmed()
    {
        Assert.Equal("non", Stemmer.StemItalian("non"));
        Assert.Equal("emo_thanks", Stemmer.StemItalian("emo_thanks"));
        Assert.Equal("_num", Stemmer.StemEnglish("_num"));
    }
}
