namespace Assistant.Core.Knowledge;

/// <summary>A passage with its embedding, as it is written to a store.</summary>
public sealed record EmbeddedPassage(Passage Passage, ReadOnlyMemory<float> Vector);
