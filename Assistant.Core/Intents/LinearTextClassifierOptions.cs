namespace Assistant.Core.Intents;

/// <summary>Training settings of <see cref="LinearTextClassifier"/>; the defaults are the measured ones.</summary>
public sealed record LinearTextClassifierOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 25;

    /// <summary>AdaGrad base learning rate.</summary>
    public float LearningRate { get; init; } = 0.5f;

    /// <summary>L2 penalty per example step on the weights an example touches.</summary>
    public float L2 { get; init; } = 1e-4f;

    /// <summary>Softmax temperature at prediction time; 0.8 had the lowest negative log-likelihood on the held-out split (intents-benchmark --dataset builtin).</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>Seed of the example shuffle: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;
}
