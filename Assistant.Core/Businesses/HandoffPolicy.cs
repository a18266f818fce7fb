namespace Assistant.Core.Businesses;

/// <summary>The <c>handoff</c> object of <c>business.json</c>.</summary>
public sealed record HandoffPolicy
{
    /// <summary>Intent ids that always go to a person.</summary>
    public IReadOnlyList<string> AlwaysHuman { get; init; } = [];

    /// <summary>Below this confidence a drafted answer waits for a person's approval.</summary>
    public double AutoSendMinConfidence { get; init; } = 0.7;
}
