using System.Text.Json.Serialization;

namespace Assistant.Eval.Verbs;

/// <summary>One line of the <c>ask</c> questions file (CONTRACTS.md section 5).</summary>
public sealed record AskQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("lang")] string? Lang,
    [property: JsonPropertyName("source_file")] string? SourceFile,
    [property: JsonPropertyName("answer_facts")] IReadOnlyList<string>? AnswerFacts);
