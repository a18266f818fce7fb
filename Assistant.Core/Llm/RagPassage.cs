namespace Assistant.Core.Llm;

/// <summary>A retrieved knowledge passage and its source tag (<c>file#section</c>).</summary>
public sealed record RagPassage(string Source, string Text);
