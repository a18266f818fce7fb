using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

public sealed class MessageCompletenessTests
{
    [Theory]
    [InlineData("siete aperti?")]
    [InlineData("orari?")]
    [InlineData("vorrei prenotare una visita per giovedì pomeriggio")]
    [InlineData("devo spostare l'appuntamento di domani")]
    [InlineData("can I book a cleaning for friday")]
    public void Complete_messages(string text) => Assert.True(MessageCompleteness.IsClearlyComplete(text));

    [Theory]
    [InlineData("ciao")]
    [InlineData("buongiorno!")]
    [InlineData("volevo sapere")]
    [InlineData("Buonasera, volevo chiedere")]
    [InlineData("allora...")]
    [InlineData("vi scrivo perché ho un problema:")]
    [InlineData("hi, quick question")]
    [InlineData("")]
    [InlineData("il giorno 12")]
    public void Incomplete_messages(string text) => Assert.False(MessageCompleteness.IsClearlyComplete(text));
}
