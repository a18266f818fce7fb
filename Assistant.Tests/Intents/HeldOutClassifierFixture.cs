using Assistant.Core.Intents;

namespace Assistant.Tests.Intents;

/// <summary>A classifier trained on 80% of the built-in examples, built once for the tests that measure it on the other 20%.</summary>
public sealed class HeldOutClassifierFixture
{
    public HeldOutClassifierFixture()
    {
        var (train, heldOut) = TrainingCorpus.Split(20);
        Train = train;
        HeldOut = heldOut;
        Classifier = IntentClassifierFactory.Build(train, []);
    }

    public IReadOnlyList<TrainingExample> Train { get; }

    public IReadOnlyList<TrainingExample> HeldOut { get; }

    public IntentClassifier Classifier { get; }
}
