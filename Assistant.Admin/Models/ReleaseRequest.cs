namespace Assistant.Admin.Models;

/// <summary>Release to the bot, optionally after a closing message from the agent.</summary>
public sealed record ReleaseRequest(string? ClosingMessage);
