using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Llm;

/// <summary>
/// Bounds one provider call by the provider's <c>TimeoutSeconds</c>, on the injected <see cref="TimeProvider"/>
/// so the chain's behaviour is testable without waiting. A timeout surfaces as
/// <see cref="LlmProviderTimeoutException"/>, distinct from the caller's own cancellation.
/// </summary>
internal sealed class ProviderTimeoutChatClient(IChatClient innerClient, TimeSpan timeout, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            // WaitAsync too: a client that ignores its token must not hold the chain past the timeout.
            return await base.GetResponseAsync(messages, options, linked.Token)
                .WaitAsync(Timeout.InfiniteTimeSpan, timeProvider, linked.Token);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LlmProviderTimeoutException(timeout);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        await using var enumerator = base.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        while (true)
        {
            bool hasNext;
            try
            {
                // Only the token here: an async iterator cannot be disposed while a MoveNextAsync is still running.
                hasNext = await enumerator.MoveNextAsync();
            }
            catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new LlmProviderTimeoutException(timeout);
            }

            if (!hasNext)
            {
                yield break;
            }

            yield return enumerator.Current;
        }
    }
}
