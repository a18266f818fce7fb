namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// A passage in a retrieval result. <see cref="Score"/> is the final ranking score in [0, 1];
/// <see cref="Coverage"/> the share of the question's informative words the passage contains.
/// </summary>
public sealed record RetrievedPassage(Passage Passage, double Score, double LexicalScore, double VectorScore, double Coverage);
