namespace Assistant.Core.Intents;

/// <summary>
/// The local, no-LLM intent classifier of one business: the built-in examples, the business's
/// own and those derived from its knowledge files, in linear softmax models (one, or a few
/// differing only in their training seed, whose probabilities are averaged). Thread-safe once built; build it through
/// <see cref="IntentClassifierFactory"/>.
/// </summary>
public sealed class IntentClassifier
{
    private const int AlternativeCount = 3;
    private readonly LinearTextClassifier _model;
    private readonly LinearTextClassifier[] _others;

    internal IntentClassifier(LinearTextClassifier model, params LinearTextClassifier[] others)
    {
        _model = model;
        _others = others;
    }

    /// <summary>Number of feature rows the (first) model learnt (a size indication for logs).</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>The most probable intent of <paramref name="text"/>, its confidence, the top three and the language.</summary>
    public IntentPrediction Classify(string text)
    {
        var language = LanguageDetector.Detect(text);
        var probabilities = _model.Probabilities(text ?? string.Empty, language);
        foreach (var other in _others)
        {
            var p = other.Probabilities(text ?? string.Empty, language);
            for (var k = 0; k < p.Length; k++)
            {
                probabilities[k] += p[k];
            }
        }
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] /= 1 + _others.Length;
        }
        var ranked = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .Take(AlternativeCount)
            .Select(i => new IntentScore(_model.Labels[i], probabilities[i]))
            .ToList();
        return new IntentPrediction(ranked[0].Intent, ranked[0].Confidence, ranked, language);
    }
}
