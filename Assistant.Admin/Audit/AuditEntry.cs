namespace Assistant.Admin.Audit;

/// <summary>One admin action: who, what, when, on which business and object.</summary>
public sealed record AuditEntry(string Id, DateTimeOffset At, string Actor, string Action, string? BusinessId, string? Target, string? Detail);
