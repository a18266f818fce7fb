namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A template quick-reply button (<c>type: button</c>).</summary>
public sealed record ButtonReply
{
    public string? Payload { get; init; }

    public string? Text { get; init; }
}
