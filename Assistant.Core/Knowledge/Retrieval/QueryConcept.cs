namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// One informative word of a question with the stems that count as it: itself, its glossary
/// equivalents (another language, a synonym) and words of the index that share its root.
/// <see cref="IsKindCue"/>: the word only says what kind of fact is wanted ("costa", "anno"), so a
/// statement that gives such a fact covers it without repeating the word. <see cref="IsFocus"/>:
/// the word is part of what the question asks for (see <see cref="QuestionShape.FocusTerms"/>).
/// </summary>
public sealed record QueryConcept(
    string Term,
    IReadOnlyDictionary<string, double> Variants,
    double Weight,
    bool IsNumber,
    ConceptRole Role = ConceptRole.Attribute,
    bool IsKindCue = false,
    bool IsFocus = false);
