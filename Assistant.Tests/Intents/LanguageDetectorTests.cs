using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("buongiorno, vorrei sapere gli orari", "it")]
    [InlineData("ciao", "it")]
    [InlineData("grazie mille", "it")]
    [InlineData("cmq nn ho capito xke", "it")]
    [InlineData("hello, what are your opening hours?", "en")]
    [InlineData("thanks!", "en")]
    [InlineData("I'm running late, can we move it?", "en")]
    [InlineData("hola, quisiera una cita para mañana", "es")]
    [InlineData("bonjour, je voudrais un rendez-vous s'il vous plaît", "fr")]
    [InlineData("hallo, ich möchte einen Termin", "de")]
    [InlineData("olá, gostaria de marcar uma consulta", "pt")]
    public void Detects_the_language(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("👍")]
    [InlineData("12345")]
    public void Says_nothing_when_the_text_says_nothing(string text) =>
        Assert.Null(LanguageDetector.Detect(text));
}
