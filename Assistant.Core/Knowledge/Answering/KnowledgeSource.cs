namespace Assistant.Core.Knowledge.Answering;

/// <summary>A cited source: file and section path.</summary>
public sealed record KnowledgeSource(string FileName, string Section);
