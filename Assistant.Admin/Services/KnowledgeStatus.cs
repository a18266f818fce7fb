namespace Assistant.Admin.Services;

/// <summary>The ingestion state of a business's knowledge: queued, running, done or failed, with the last run's counts.</summary>
public sealed record KnowledgeStatus(
    string State,
    long FilesVersion,
    long? IngestedVersion,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? PassagesTotal,
    int? PassagesEmbedded,
    string? Error)
{
    public const string Idle = "idle";
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
