using System.ClientModel;
using System.Net;
using System.Text.Json;

namespace Assistant.Core.Llm;

/// <summary>Maps what a provider threw to a <see cref="LlmFailureReason"/> and a detail safe to log.</summary>
internal static class LlmFailureClassifier
{
    public static (LlmFailureReason Reason, string Detail, TimeSpan? RetryAfter) Classify(Exception exception)
    {
        // SDKs wrap transport errors; the most telling exception may be an inner one.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case LlmProviderHttpException http:
                    return (FromStatus(http.StatusCode), $"HTTP {(int)http.StatusCode}", http.RetryAfter);
                case LlmReplyException reply:
                    return (reply.Reason, reply.Message, null);
                case LlmProviderTimeoutException timeout:
                    return (LlmFailureReason.Timeout, timeout.Message, null);
                case ClientResultException { Status: > 0 } clientResult:
                    return (FromStatus((HttpStatusCode)clientResult.Status), $"HTTP {clientResult.Status}", null);
                case HttpRequestException { StatusCode: { } status }:
                    return (FromStatus(status), $"HTTP {(int)status}", null);
                case JsonException or FormatException:
                    return (LlmFailureReason.MalformedReply, current.GetType().Name, null);
                case TimeoutException or OperationCanceledException:
                    // The caller's own cancellation is rethrown before classification: this one is a network timeout.
                    return (LlmFailureReason.Timeout, current.GetType().Name, null);
            }
        }

        return (LlmFailureReason.Error, exception.GetType().Name, null);
    }

    private static LlmFailureReason FromStatus(HttpStatusCode status) => (int)status switch
    {
        429 => LlmFailureReason.RateLimited,
        >= 500 => LlmFailureReason.ServerError,
        >= 400 => LlmFailureReason.ClientError,
        // A 2xx that an SDK still rejected, or a 3xx redirect nobody followed.
        _ => LlmFailureReason.MalformedReply,
    };
}
