namespace Assistant.Core.Llm;

/// <summary>A model's reply to a <see cref="RagPromptBuilder"/> prompt, with the no-answer marker taken out.</summary>
public sealed record RagAnswer(string Text, bool IsNoAnswer)
{
    public static RagAnswer Parse(string? modelText) =>
        new(NoAnswerMarker.Strip(modelText), NoAnswerMarker.IsPresent(modelText) || string.IsNullOrWhiteSpace(modelText));
}
