namespace Assistant.Core.Intents;

/// <summary>
/// Multinomial logistic regression (softmax, L2) over <see cref="FeatureExtractor"/> features,
/// trained in memory by AdaGrad SGD with a fixed shuffle seed. Labels are free strings, so the
/// same model serves the 21 intents and the public benchmarks. Weights are kept per feature row
/// (one float per label) for the features seen in training only; unseen features weigh nothing.
/// </summary>
public sealed class LinearTextClassifier
{
    private readonly Dictionary<uint, int> _rows;
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly float _temperature;
    private readonly ISentenceEmbedder? _embedder;

    private LinearTextClassifier(string[] labels, Dictionary<uint, int> rows, float[] weights, float[] bias, float temperature, ISentenceEmbedder? embedder)
    {
        _embedder = embedder;
        Labels = labels;
        _rows = rows;
        _weights = weights;
        _bias = bias;
        _temperature = temperature;
    }

    /// <summary>The labels, in the order of <see cref="Probabilities"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The softmax temperature of <see cref="Probabilities(string, string?)"/>.</summary>
    public float Temperature => _temperature;

    /// <summary>The same weights with another softmax temperature (for calibration).</summary>
    public LinearTextClassifier WithTemperature(float temperature) => new((string[])Labels, _rows, _weights, _bias, temperature, _embedder);

    /// <summary>Number of feature rows the model learnt.</summary>
    public int FeatureCount => _rows.Count;

    /// <param name="examples">Texts and their labels.</param>
    /// <param name="options">Training settings; null for the defaults.</param>
    /// <param name="embedder">Optional dense sentence features added to the sparse ones, at training and at prediction.</param>
    public static LinearTextClassifier Train(IReadOnlyList<(string Text, string Label)> examples, LinearTextClassifierOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        options ??= new LinearTextClassifierOptions();
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var classes = labels.Length;

        // Features once per example, rewritten as row indices.
        var rows = new Dictionary<uint, int>();
        var data = new (int[] Rows, float[] Values, int Label)[examples.Count];
        var embeddings = embedder?.Embed(examples.Select(e => e.Text).ToList());
        for (var e = 0; e < examples.Count; e++)
        {
            var text = examples[e].Text;
            var features = FeatureExtractor.Extract(text, LanguageDetector.Detect(text), embeddings?[e]);
            var exampleRows = new int[features.Count];
            for (var f = 0; f < features.Count; f++)
            {
                if (!rows.TryGetValue(features.Keys[f], out var row))
                {
                    row = rows.Count;
                    rows[features.Keys[f]] = row;
                }
                exampleRows[f] = row;
            }
            data[e] = (exampleRows, features.Values, labelIndex[examples[e].Label]);
        }

        // Each label weighs the same in total, so that a label with many examples does not become
        // the default answer for anything unclear.
        var labelCounts = new int[classes];
        foreach (var example in data)
        {
            labelCounts[example.Label]++;
        }
        var labelWeights = labelCounts.Select(c => (float)data.Length / (classes * c)).ToArray();

        var weights = new float[rows.Count * classes];
        var squaredGradients = new float[weights.Length];
        var bias = new float[classes];
        var biasSquaredGradients = new float[classes];
        var probabilities = new float[classes];
        var order = Enumerable.Range(0, data.Length).ToArray();
        var random = new Random(options.Seed);
        const float Epsilon = 1e-6f;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (exampleRows, values, label) = data[index];
                Scores(exampleRows, values, weights, bias, classes, probabilities);
                Softmax(probabilities, 1f);
                probabilities[label] -= 1f;
                for (var k = 0; k < classes; k++)
                {
                    probabilities[k] *= labelWeights[label];
                }

                for (var k = 0; k < classes; k++)
                {
                    var g = probabilities[k];
                    biasSquaredGradients[k] += g * g;
                    bias[k] -= options.LearningRate * g / (MathF.Sqrt(biasSquaredGradients[k]) + Epsilon);
                }
                for (var f = 0; f < exampleRows.Length; f++)
                {
                    var offset = exampleRows[f] * classes;
                    var x = values[f];
                    for (var k = 0; k < classes; k++)
                    {
                        var w = weights[offset + k];
                        var g = probabilities[k] * x + options.L2 * w;
                        squaredGradients[offset + k] += g * g;
                        weights[offset + k] = w - (options.LearningRate * g / (MathF.Sqrt(squaredGradients[offset + k]) + Epsilon));
                    }
                }
            }
        }

        return new LinearTextClassifier(labels, rows, weights, bias, options.Temperature, embedder);
    }

    /// <summary>Calibrated probabilities of every label for <paramref name="text"/>, in the order of <see cref="Labels"/>.</summary>
    public float[] Probabilities(string text, string? language)
    {
        var features = FeatureExtractor.Extract(text, language, _embedder?.Embed([text])[0]);
        var classes = _bias.Length;
        var scores = (float[])_bias.Clone();
        for (var f = 0; f < features.Count; f++)
        {
            if (_rows.TryGetValue(features.Keys[f], out var row))
            {
                var offset = row * classes;
                var x = features.Values[f];
                for (var k = 0; k < classes; k++)
                {
                    scores[k] += _weights[offset + k] * x;
                }
            }
        }
        Softmax(scores, _temperature);
        return scores;
    }

    /// <summary>Calibrated probabilities, the language detected from the text itself.</summary>
    public float[] Probabilities(string text) => Probabilities(text, LanguageDetector.Detect(text));

    private static void Scores(int[] rows, float[] values, float[] weights, float[] bias, int classes, float[] scores)
    {
        Array.Copy(bias, scores, classes);
        for (var f = 0; f < rows.Length; f++)
        {
            var offset = rows[f] * classes;
            var x = values[f];
            for (var k = 0; k < classes; k++)
            {
                scores[k] += weights[offset + k] * x;
            }
        }
    }

    private static void Softmax(float[] scores, float temperature)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }
        var sum = 0f;
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = MathF.Exp((scores[k] - max) / temperature);
            sum += scores[k];
        }
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] /= sum;
        }
    }
}
