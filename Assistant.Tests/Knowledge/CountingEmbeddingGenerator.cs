using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Knowledge;

/// <summary>A deterministic bag-of-words embedder that counts the texts it embeds, so tests can prove nothing was re-embedded.</summary>
public sealed class CountingEmbeddingGenerator(int dimensions = 16) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _embedded;

    public int Embedded => _embedded;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            Interlocked.Increment(ref _embedded);
            result.Add(new Embedding<float>(Vector(value, dimensions)));
        }
        return Task.FromResult(result);
    }

    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', '\n', ',', '.', '?'))
        {
            if (word.Length > 0)
            {
                vector[SHA256.HashData(Encoding.UTF8.GetBytes(word))[0] % dimensions] += 1;
            }
        }
        vector[0] += 0.01f;
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
