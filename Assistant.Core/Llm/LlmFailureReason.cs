namespace Assistant.Core.Llm;

/// <summary>Why a provider gave no usable answer. The tag value in metrics is <see cref="LlmFailureReasonExtensions.ToTag"/>.</summary>
public enum LlmFailureReason
{
    /// <summary>Transport or unexpected error (connection refused, DNS, TLS, ...).</summary>
    Error,

    /// <summary>HTTP 5xx.</summary>
    ServerError,

    /// <summary>HTTP 429.</summary>
    RateLimited,

    /// <summary>HTTP 4xx other than 429: bad key, unknown model. Retrying soon will not help either.</summary>
    ClientError,

    /// <summary>No answer within the provider's <c>TimeoutSeconds</c>.</summary>
    Timeout,

    /// <summary>A reply without any text.</summary>
    EmptyReply,

    /// <summary>A reply the SDK could not parse.</summary>
    MalformedReply,

    /// <summary>Not tried: the provider is in its cool-down after a recent failure.</summary>
    CoolingDown,
}
