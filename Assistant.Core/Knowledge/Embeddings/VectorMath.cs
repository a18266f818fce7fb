using System.Numerics.Tensors;

namespace Assistant.Core.Knowledge.Embeddings;

/// <summary>Unit-length vectors make cosine similarity a dot product.</summary>
public static class VectorMath
{
    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        NormalizeInPlace(copy);
        return copy;
    }
}
