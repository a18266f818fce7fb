namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// What a question word stands for. An <see cref="Entity"/> is written as a name (capitalised
/// mid-sentence, or a code): the thing asked about, which the answering statement or its headings
/// must name too. Everything else is an <see cref="Attribute"/>.
/// </summary>
public enum ConceptRole
{
    Attribute,
    Entity,
}
