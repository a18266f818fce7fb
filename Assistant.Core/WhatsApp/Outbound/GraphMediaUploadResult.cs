namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The answer to a media upload: the media id to send by, or the error.</summary>
public sealed record GraphMediaUploadResult(string? MediaId, GraphApiError? Error, int? HttpStatus, GraphTransportFailure Transport = GraphTransportFailure.None)
{
    public bool IsSuccess => MediaId is not null;
}
