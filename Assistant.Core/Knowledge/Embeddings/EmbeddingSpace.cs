using System.Text;

namespace Assistant.Core.Knowledge.Embeddings;

/// <summary>
/// The embedding model an index was built with. Stores keep one index per space, so changing the
/// model (or its dimension) starts a fresh index and ingestion re-embeds everything.
/// </summary>
public sealed record EmbeddingSpace(string Model, int Dimensions)
{
    /// <summary>A name safe for Redis keys and Qdrant collections, e.g. <c>all-minilm-l6-v2-384</c>.</summary>
    public string Key
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var c in Model.ToLowerInvariant())
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }
            return $"{builder.ToString().Trim('-')}-{Dimensions}";
        }
    }
}
