namespace Assistant.Core.Knowledge;

/// <summary>A passage returned by a vector search with its cosine similarity.</summary>
public sealed record ScoredPassage(Passage Passage, double Score);
