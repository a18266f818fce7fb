namespace Assistant.Admin.Models;

/// <summary>Reject a draft and either hand the conversation to a person (<c>handoff</c>) or answer yourself (<c>reply</c>, with <see cref="Text"/>).</summary>
public sealed record RejectRequest(string Action, string? Text);
