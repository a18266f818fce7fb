namespace Assistant.Core.Intents;

/// <summary>
/// The local, no-LLM intent classifier of one business: the built-in examples, the business's
/// own and those derived from its knowledge files, in linear softmax models (one, or a few
/// differing only in their training seed, whose probabilities are averaged), optionally mixed
/// with the nearest training examples. Thread-safe once built; build it through
/// <see cref="IntentClassifierFactory"/>.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Share of the nearest-example probabilities in the mix (0.2-0.4 measured; BENCHMARKS.md).</summary>
    public const float NearestShare = 0.3f;

    private const int AlternativeCount = 3;
    private readonly LinearTextClassifier _model;
    private readonly LinearTextClassifier[] _others;
    private readonly NearestExampleClassifier? _nearest;

    internal IntentClassifier(LinearTextClassifier model, params LinearTextClassifier[] others)
        : this(model, others, nearest: null)
    {
    }

    internal IntentClassifier(LinearTextClassifier model, LinearTextClassifier[] others, NearestExampleClassifier? nearest)
    {
        if (nearest is not null && !nearest.Labels.SequenceEqual(model.Labels))
        {
            throw new ArgumentException("The nearest-example classifier must list the model's labels in the same order.", nameof(nearest));
        }
        _model = model;
        _others = others;
        _nearest = nearest;
    }

    /// <summary>Number of feature rows the (first) model learnt (a size indication for logs).</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>The most probable intent of <paramref name="text"/>, its confidence, the top three and the language.</summary>
    public IntentPrediction Classify(string text)
    {
        text ??= string.Empty;
        var language = LanguageDetector.Detect(text);
        var probabilities = _model.Probabilities(text, language);
        foreach (var other in _others)
        {
            var p = other.Probabilities(text, language);
            for (var k = 0; k < p.Length; k++)
            {
                probabilities[k] += p[k];
            }
        }
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] /= 1 + _others.Length;
        }
        if (_nearest is not null)
        {
            var nearest = _nearest.Probabilities(text, language);
            for (var k = 0; k < probabilities.Length; k++)
            {
                probabilities[k] = ((1 - NearestShare) * probabilities[k]) + (NearestShare * nearest[k]);
            }
        }
        var ranked = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .Take(AlternativeCount)
            .Select(i => new IntentScore(_model.Labels[i], probabilities[i]))
            .ToList();
        return new IntentPrediction(ranked[0].Intent, ranked[0].Confidence, ranked, language);
    }
}
