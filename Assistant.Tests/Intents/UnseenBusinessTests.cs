using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

/// <summary>
/// A business the classifier was never tuned for: <c>Data/consultancy-heldout.jsonl</c>, 210
/// WhatsApp messages to a tax and labour consultancy (10 per intent, 8 Italian and 2 English),
/// written with its pack (<c>Data/consultancy-pack</c>) by someone who had not seen the training
/// examples, and committed before any change was measured on it.
/// </summary>
public sealed class UnseenBusinessTests
{
    private static readonly Lazy<IntentClassifier> Consultancy = new(() =>
        IntentClassifierFactory.Build(BusinessPackLoader.Load(HeldOutMessages.PathOf("consultancy-pack"))));

    [Fact]
    public void Messages_to_a_business_never_seen_are_classified_above_the_floor()
    {
        var messages = HeldOutMessages.Load("consultancy-heldout.jsonl");
        Assert.Equal(210, messages.Count);

        // Measured 0.819 before this round, 0.890 after (0.876-0.890 over five training seeds; BENCHMARKS.md).
        var accuracy = HeldOutMessages.Accuracy(text => Consultancy.Value.Classify(text).Intent, messages);
        Assert.True(accuracy >= 0.85, $"consultancy held-out accuracy {accuracy:F3} is below 0.85");
    }

    [Theory]
    [InlineData("Buongiorno dottore, come posso pagare?", IntentIds.PaymentQuestion)]
    [InlineData("Buonasera, mi mandate la fattura di marzo?", IntentIds.DocumentRequest)]
    [InlineData("Salve! devo spostare l'appuntamento di lunedì", IntentIds.RescheduleRequest)]
    [InlineData("Hi there, where can I park?", IntentIds.LocationDirections)]
    public void A_greeting_before_a_request_does_not_hide_the_request(string text, string intent) =>
        Assert.Equal(intent, Consultancy.Value.Classify(text).Intent);

    [Theory]
    [InlineData("Buongiorno 😊", IntentIds.Greeting)]
    [InlineData("perfetto grazie, buona giornata", IntentIds.ThanksGoodbye)]
    public void Courtesies_alone_keep_their_intent(string text, string intent) =>
        Assert.Equal(intent, Consultancy.Value.Classify(text).Intent);
}
