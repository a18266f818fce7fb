namespace Assistant.Core.Llm;

/// <summary>
/// Turns a non-success response into <see cref="LlmProviderHttpException"/> with the status and
/// <c>Retry-After</c>. The OpenAI SDK and OllamaSharp report HTTP errors in different shapes (and OllamaSharp
/// drops the headers); failing here gives the chain one shape for both.
/// </summary>
internal sealed class ProviderHttpStatusHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var retryAfter = GetRetryAfter(response);
        var status = response.StatusCode;
        // The error body may echo the prompt: it is dropped unread.
        response.Dispose();
        throw new LlmProviderHttpException(status, retryAfter);
    }

    private TimeSpan? GetRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
