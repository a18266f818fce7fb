namespace Assistant.Admin.Models;

/// <summary>Staff webhook settings; without a secret one is generated (and shown in the answer).</summary>
public sealed record WebhookRequest(string Url, IReadOnlyList<string>? EventTypes, bool? Enabled, string? Secret);
