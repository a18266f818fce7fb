using Assistant.Admin.Services;

namespace Assistant.Admin.Models;

/// <summary>A business's knowledge files and the ingestion state.</summary>
public sealed record KnowledgeList(IReadOnlyList<KnowledgeFileInfo> Files, KnowledgeStatus Status);
