namespace Assistant.Admin.Models;

/// <summary>A knowledge file without its text.</summary>
public sealed record KnowledgeFileInfo(string Name, int Length);
