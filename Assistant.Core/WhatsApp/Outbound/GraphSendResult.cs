namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// What one Graph API call came to. Never an exception for a Meta error: success carries the wamid
/// (<c>messages[0].id</c>), failure the parsed <c>error</c>, the HTTP status, or a transport failure.
/// </summary>
public sealed record GraphSendResult
{
    public bool IsSuccess { get; init; }

    /// <summary>The wamid Meta assigned (absent for mark-as-read, which answers <c>{"success":true}</c>).</summary>
    public string? MessageId { get; init; }

    public int? HttpStatus { get; init; }

    public GraphApiError? Error { get; init; }

    public GraphTransportFailure Transport { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A short code for metrics and dead letters: the Graph error code, <c>http_503</c>, <c>timeout</c>, <c>network</c>.</summary>
    public string FailureCode => Error is not null
        ? Error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Transport switch
        {
            GraphTransportFailure.Timeout => "timeout",
            GraphTransportFailure.Network => "network",
            _ => HttpStatus is { } status ? $"http_{status}" : "unknown",
        };

    public static GraphSendResult Sent(string? messageId, int httpStatus = 200, TimeSpan elapsed = default) =>
        new() { IsSuccess = true, MessageId = messageId, HttpStatus = httpStatus, Elapsed = elapsed };

    public static GraphSendResult Failed(GraphApiError error, int httpStatus, TimeSpan elapsed = default) =>
        new() { Error = error, HttpStatus = httpStatus, Elapsed = elapsed };
}
