namespace Assistant.Core.Intents;

/// <summary>
/// The local, no-LLM intent classifier of one business: the built-in examples plus the
/// business's own, in a linear softmax model. Thread-safe once built; build it through
/// <see cref="IntentClassifierFactory"/>.
/// </summary>
public sealed class IntentClassifier
{
    private const int AlternativeCount = 3;
    private readonly LinearTextClassifier _model;

    internal IntentClassifier(LinearTextClassifier model) => _model = model;

    /// <summary>Number of feature rows the model learnt (a size indication for logs).</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>The most probable intent of <paramref name="text"/>, its confidence, the top three and the language.</summary>
    public IntentPrediction Classify(string text)
    {
        var language = LanguageDetector.Detect(text);
        var probabilities = _model.Probabilities(text ?? string.Empty, language);
        var ranked = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .Take(AlternativeCount)
            .Select(i => new IntentScore(_model.Labels[i], probabilities[i]))
            .ToList();
        return new IntentPrediction(ranked[0].Intent, ranked[0].Confidence, ranked, language);
    }
}
