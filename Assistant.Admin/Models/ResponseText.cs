namespace Assistant.Admin.Models;

/// <summary>A custom reply text (may use <c>{placeholders}</c>).</summary>
public sealed record ResponseText(string Text);
