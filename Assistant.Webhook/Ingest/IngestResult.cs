namespace Assistant.Webhook.Ingest;

/// <summary>The outcome of one POST, with what was queued.</summary>
public sealed record IngestResult(IngestOutcome Outcome, string? Detail = null, int Queued = 0, int Duplicates = 0, int Unrouted = 0);
