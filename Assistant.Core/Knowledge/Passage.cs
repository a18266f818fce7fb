namespace Assistant.Core.Knowledge;

/// <summary>
/// One retrievable piece of a business's knowledge base: a section (or part of a long section)
/// of one file. <see cref="Title"/> and <see cref="Section"/> travel with it as retrieval context.
/// </summary>
public sealed record Passage
{
    /// <summary>Stable id derived from business, file, file hash and position (a GUID, as Qdrant wants).</summary>
    public required Guid Id { get; init; }

    public required string BusinessId { get; init; }

    /// <summary>File name inside <c>knowledge/</c>, e.g. <c>hours.md</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>Content hash of the whole file this passage came from.</summary>
    public required string FileHash { get; init; }

    /// <summary>Position of the passage in its file, from 0.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Document title (the first level-1 heading, else the file name).</summary>
    public required string Title { get; init; }

    /// <summary>Heading path below the title, " › "-separated; empty for text before the first heading.</summary>
    public required string Section { get; init; }

    /// <summary>The passage body in markdown, tables and lists whole.</summary>
    public required string Text { get; init; }

    /// <summary>Title and section, the context a passage is found by and cited with.</summary>
    public string Context => Section.Length == 0 ? Title : $"{Title} › {Section}";

    /// <summary>What gets embedded: context first, then the body.</summary>
    public string EmbeddingText => $"{Context}\n{Text}";
}
