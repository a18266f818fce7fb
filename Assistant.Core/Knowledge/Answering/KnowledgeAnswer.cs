namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// What the knowledge base answers to a customer's question.
/// </summary>
/// <param name="Text">The reply to send (or to propose, when <paramref name="NeedsReview"/>).</param>
/// <param name="Sources">Files and sections the answer rests on.</param>
/// <param name="RetrievalScore">Ranking score of the best passage, 0..1.</param>
/// <param name="Confidence">How far the knowledge base covers the question, 0..1 (see <see cref="Retrieval.RetrievalResult"/>).</param>
/// <param name="Abstained">The reply says the information is missing and offers a colleague.</param>
/// <param name="Provider">"extractive", or the model that wrote the reply.</param>
/// <param name="NeedsReview">A person should approve the reply before it goes out.</param>
public sealed record KnowledgeAnswer(
    string Text,
    IReadOnlyList<KnowledgeSource> Sources,
    double RetrievalScore,
    double Confidence,
    bool Abstained,
    string Provider,
    bool NeedsReview);
