namespace Assistant.Core.Intents;

/// <summary>
/// Intent probabilities from the training examples most like a message: cosine similarity of
/// their <see cref="FeatureExtractor"/> vectors (through an inverted index), for each label the
/// mean of its best <see cref="Neighbours"/> similarities, then a softmax. It remembers close
/// paraphrases of single examples that the linear model averages away; <see cref="IntentClassifier"/>
/// mixes the two. Thread-safe once built.
/// </summary>
public sealed class NearestExampleClassifier
{
    private const int Neighbours = 3;

    // Similarities live in [0, 1]; 20 turns a 0.1 lead into e^2 ≈ 7 times the probability.
    // Chosen with the mixing share on the consultancy and dental held-out sets (BENCHMARKS.md).
    private const float Sharpness = 20f;

    private readonly Dictionary<uint, (int Example, float Value)[]> _index;
    private readonly int[] _labelOf;
    private readonly float[] _norms;
    private readonly Dictionary<string, int> _labelIndex;

    /// <param name="examples">The labelled texts to remember.</param>
    /// <param name="labels">The labels, in the order <see cref="Probabilities"/> returns them (every example's label must be among them).</param>
    public NearestExampleClassifier(IReadOnlyList<(string Text, string Label)> examples, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        Labels = labels;
        _labelIndex = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        _labelOf = new int[examples.Count];
        _norms = new float[examples.Count];
        var postings = new Dictionary<uint, List<(int, float)>>();
        for (var e = 0; e < examples.Count; e++)
        {
            _labelOf[e] = _labelIndex[examples[e].Label];
            var features = FeatureExtractor.Extract(examples[e].Text, LanguageDetector.Detect(examples[e].Text));
            var squares = 0f;
            for (var f = 0; f < features.Count; f++)
            {
                squares += features.Values[f] * features.Values[f];
                if (!postings.TryGetValue(features.Keys[f], out var list))
                {
                    list = [];
                    postings[features.Keys[f]] = list;
                }
                list.Add((e, features.Values[f]));
            }
            _norms[e] = MathF.Sqrt(squares);
        }
        _index = postings.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The labels, in the order of <see cref="Probabilities"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Probabilities of every label for <paramref name="text"/>, in the order of <see cref="Labels"/>.</summary>
    public float[] Probabilities(string text, string? language)
    {
        var features = FeatureExtractor.Extract(text ?? string.Empty, language);
        var dots = new float[_labelOf.Length];
        var touched = new List<int>();
        var squares = 0f;
        for (var f = 0; f < features.Count; f++)
        {
            var x = features.Values[f];
            squares += x * x;
            if (!_index.TryGetValue(features.Keys[f], out var list))
            {
                continue;
            }
            foreach (var (example, value) in list)
            {
                if (dots[example] == 0f)
                {
                    touched.Add(example);
                }
                dots[example] += x * value;
            }
        }

        // Each label's best similarities, highest first.
        var norm = MathF.Sqrt(squares);
        var best = new float[Labels.Count * Neighbours];
        foreach (var example in touched)
        {
            var similarity = dots[example] / ((norm * _norms[example]) + 1e-6f);
            var offset = _labelOf[example] * Neighbours;
            for (var k = 0; k < Neighbours; k++)
            {
                if (similarity > best[offset + k])
                {
                    (best[offset + k], similarity) = (similarity, best[offset + k]);
                }
            }
        }

        var probabilities = new float[Labels.Count];
        var max = float.NegativeInfinity;
        for (var label = 0; label < probabilities.Length; label++)
        {
            var sum = 0f;
            for (var k = 0; k < Neighbours; k++)
            {
                sum += best[(label * Neighbours) + k];
            }
            probabilities[label] = sum / Neighbours * Sharpness;
            max = MathF.Max(max, probabilities[label]);
        }
        var total = 0f;
        for (var label = 0; label < probabilities.Length; label++)
        {
            probabilities[label] = MathF.Exp(probabilities[label] - max);
            total += probabilities[label];
        }
        for (var label = 0; label < probabilities.Length; label++)
        {
            probabilities[label] /= total;
        }
        return probabilities;
    }
}
