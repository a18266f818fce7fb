using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Knowledge;

/// <summary>The <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Ollama embedding model (e.g. <c>nomic-embed-text</c>); used only with <c>ConnectionStrings:ollama</c>. Absent: MiniLM in-process.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Dimension of <see cref="EmbeddingModel"/>'s vectors; required with it (the index is created before the first call).</summary>
    [Range(8, 8192)]
    public int? EmbeddingDimensions { get; set; }

    /// <summary>Passages returned per question.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>Candidates each side (lexical, vector) contributes before fusion.</summary>
    [Range(5, 500)]
    public int CandidatePool { get; set; } = 30;

    /// <summary>How the lexical and vector rankings are fused.</summary>
    public FusionMethod Fusion { get; set; } = FusionMethod.Weighted;

    /// <summary>Share of the lexical score in <see cref="FusionMethod.Weighted"/> (MiniLM is English-only, so lexical leads).</summary>
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.7;

    /// <summary>Below this confidence the answer abstains and offers a person.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.45;

    /// <summary>Longest time a process trusts its lexical index without asking the store for changes it cannot count (Qdrant).</summary>
    [Range(1, 86400)]
    public int LexicalRefreshSeconds { get; set; } = 60;
}
