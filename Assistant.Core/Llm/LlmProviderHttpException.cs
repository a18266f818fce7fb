using System.Net;

namespace Assistant.Core.Llm;

/// <summary>
/// A provider answered with a non-success HTTP status. Thrown by <see cref="ProviderHttpStatusHandler"/> below
/// both SDKs, so that the chain sees the status and <c>Retry-After</c> the same way for every kind.
/// </summary>
public sealed class LlmProviderHttpException : Exception
{
    public LlmProviderHttpException(HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base($"The provider answered HTTP {(int)statusCode}.")
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public TimeSpan? RetryAfter { get; }
}
