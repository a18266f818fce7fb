namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// An answer quoted from the knowledge base. <see cref="NeedsReview"/>: confidence is below the
/// business's auto-send threshold, so a person should approve it before it goes out.
/// </summary>
public sealed record ExtractiveAnswer(string Text, bool Abstained, double Confidence, IReadOnlyList<KnowledgeSource> Sources, bool NeedsReview);
