namespace Assistant.Core.Businesses;

/// <summary>A business as its pack folder describes it (CONTRACTS.md section 3).</summary>
public sealed record BusinessPack(
    BusinessProfile Profile,
    IReadOnlyList<KnowledgeFile> Knowledge,
    IReadOnlyList<LabelledExample> Examples,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Responses);

/// <summary>One knowledge file: its name inside <c>knowledge/</c> and its text.</summary>
public sealed record KnowledgeFile(string Name, string Content);

/// <summary>One line of <c>intents.jsonl</c>.</summary>
public sealed record LabelledExample(string Text, string Intent);
