namespace Assistant.Admin.Components.Review;

/// <summary>What a reviewer chose for one draft; <see cref="Text"/> is the edited answer.</summary>
public sealed record DraftDecision(string DraftId, DraftDecisionKind Kind, string? Text = null);
