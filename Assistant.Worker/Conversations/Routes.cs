namespace Assistant.Worker.Conversations;

/// <summary>How a turn was answered; shown on every bot line in the admin and counted in the figures.</summary>
public static class Routes
{
    public const string Template = "template";
    public const string Knowledge = "knowledge";
    public const string Handoff = "handoff";
    public const string Flow = "flow";
    public const string Media = "media";
    public const string Draft = "draft";
    public const string Silent = "silent";
}
