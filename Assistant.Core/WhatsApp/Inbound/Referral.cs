namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The click-to-WhatsApp ad or post the user came from.</summary>
public sealed record Referral
{
    public string? SourceUrl { get; init; }

    public string? SourceId { get; init; }

    /// <summary><c>ad</c> or <c>post</c>.</summary>
    public string? SourceType { get; init; }

    public string? Headline { get; init; }

    public string? Body { get; init; }

    public string? MediaType { get; init; }

    public string? ImageUrl { get; init; }

    public string? VideoUrl { get; init; }

    public string? ThumbnailUrl { get; init; }

    /// <summary>Click id for conversion reporting.</summary>
    public string? CtwaClid { get; init; }
}
