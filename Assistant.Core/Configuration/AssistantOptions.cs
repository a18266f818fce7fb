namespace Assistant.Core.Configuration;

/// <summary>The <c>Assistant</c> section: where business packs come from.</summary>
public sealed class AssistantOptions
{
    public const string SectionName = "Assistant";

    /// <summary>Folder of business packs (CONTRACTS.md section 3) loaded, created or updated at start.</summary>
    public string? PacksPath { get; set; }
}
