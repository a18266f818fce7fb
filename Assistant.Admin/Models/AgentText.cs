namespace Assistant.Admin.Models;

/// <summary>A text a person writes: a reply, a note or an edited draft.</summary>
public sealed record AgentText(string Text);
