namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// One informative word of a question with the stems that count as it: itself, its glossary
/// equivalents (another language, a synonym) and words of the index that share its root.
/// </summary>
public sealed record QueryConcept(string Term, IReadOnlyDictionary<string, double> Variants, double Weight, bool IsNumber);
