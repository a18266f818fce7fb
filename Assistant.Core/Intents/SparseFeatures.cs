namespace Assistant.Core.Intents;

/// <summary>A sparse feature vector: 32-bit feature hashes and their values, unit length per feature group.</summary>
public sealed record SparseFeatures(uint[] Keys, float[] Values)
{
    public int Count => Keys.Length;
}
