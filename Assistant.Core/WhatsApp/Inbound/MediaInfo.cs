namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>Image, audio, video, document or sticker. The bytes are fetched later through the Graph API with <see cref="Id"/>.</summary>
public sealed record MediaInfo
{
    public string? Id { get; init; }

    public string? MimeType { get; init; }

    public string? Sha256 { get; init; }

    public string? Caption { get; init; }

    /// <summary>Documents only.</summary>
    public string? Filename { get; init; }

    /// <summary>Audio only: true for a voice note recorded in WhatsApp.</summary>
    public bool Voice { get; init; }

    /// <summary>Stickers only.</summary>
    public bool Animated { get; init; }

    /// <summary>Some webhooks carry a download URL directly.</summary>
    public string? Url { get; init; }
}
