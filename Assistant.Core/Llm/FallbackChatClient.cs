using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Core.Llm;

/// <summary>
/// The LLM fallback chain: tries the configured providers in order and returns the first usable answer.
/// A provider that fails (exception, 5xx, 429, timeout, empty or malformed reply) is skipped during its
/// cool-down (<see cref="ProviderCircuitBreaker"/>). The response names the provider that answered in
/// <see cref="ChatResponse.ModelId"/> and <c>AdditionalProperties["provider"]</c>. When no provider answers
/// it throws <see cref="LlmUnavailableException"/>.
/// </summary>
public sealed class FallbackChatClient : IChatClient
{
    /// <summary>Key of <see cref="ChatResponse.AdditionalProperties"/> holding the answering provider's name.</summary>
    public const string ProviderPropertyName = "provider";

    private readonly IReadOnlyList<LlmProvider> _providers;
    private readonly LlmProviderStatusBoard _board;
    private readonly LlmMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _disposed;

    internal FallbackChatClient(
        IReadOnlyList<LlmProvider> providers,
        LlmProviderStatusBoard board,
        LlmMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FallbackChatClient>? logger = null)
    {
        _providers = providers;
        _board = board;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<FallbackChatClient>.Instance;
        foreach (var provider in providers)
        {
            board.Register(provider.Name, provider.Kind, provider.Model);
        }
    }

    /// <summary>Builds the chain for <paramref name="options"/>' providers.</summary>
    public static FallbackChatClient Create(
        LlmOptions options,
        LlmProviderStatusBoard board,
        LlmMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FallbackChatClient>? logger = null) =>
        new(LlmProviderFactory.Create(options, timeProvider), board, metrics, timeProvider, logger);

    /// <summary>Provider names in the order they are tried.</summary>
    public IReadOnlyList<string> ProviderNames => [.. _providers.Select(p => p.Name)];

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialised once: every provider must see exactly the same messages.
        var messageList = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        options = WithoutModel(options);
        var failures = new List<LlmProviderFailure>(_providers.Count);

        foreach (var provider in _providers)
        {
            if (IsCoolingDown(provider, failures))
            {
                continue;
            }

            var started = _timeProvider.GetTimestamp();
            try
            {
                var response = await provider.Client.GetResponseAsync(messageList, options, cancellationToken);
                if (string.IsNullOrWhiteSpace(response.Text))
                {
                    throw new LlmReplyException(LlmFailureReason.EmptyReply, "The reply has no text.");
                }

                var elapsed = _timeProvider.GetElapsedTime(started);
                OnSuccess(provider, elapsed, response.Usage);
                return Tag(response, provider);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up: not the provider's fault, nothing to record.
                throw;
            }
            catch (Exception ex)
            {
                failures.Add(OnFailure(provider, ex, _timeProvider.GetElapsedTime(started)));
            }
        }

        throw Unavailable(failures);
    }

    /// <summary>
    /// Streams from the first provider that produces text. Failover happens only until the first text arrives:
    /// what was streamed to the caller cannot be taken back, so a later failure is thrown to the caller.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var messageList = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        options = WithoutModel(options);
        var failures = new List<LlmProviderFailure>(_providers.Count);

        foreach (var provider in _providers)
        {
            if (IsCoolingDown(provider, failures))
            {
                continue;
            }

            var started = _timeProvider.GetTimestamp();
            var buffered = new List<ChatResponseUpdate>();
            IAsyncEnumerator<ChatResponseUpdate>? enumerator = null;
            try
            {
                enumerator = provider.Client.GetStreamingResponseAsync(messageList, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
                // Role-only and empty chunks are held back until text shows the provider really answers.
                while (true)
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        throw new LlmReplyException(LlmFailureReason.EmptyReply, "The streamed reply has no text.");
                    }

                    buffered.Add(enumerator.Current);
                    if (!string.IsNullOrEmpty(enumerator.Current.Text))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (enumerator is not null)
                {
                    await enumerator.DisposeAsync();
                }

                throw;
            }
            catch (Exception ex)
            {
                if (enumerator is not null)
                {
                    await enumerator.DisposeAsync();
                }

                failures.Add(OnFailure(provider, ex, _timeProvider.GetElapsedTime(started)));
                continue;
            }

            var usage = new UsageDetails();
            await using (enumerator)
            {
                foreach (var update in buffered)
                {
                    AddUsage(usage, update);
                    yield return Tag(update, provider);
                }

                while (true)
                {
                    bool hasNext;
                    try
                    {
                        hasNext = await enumerator.MoveNextAsync();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        OnFailure(provider, ex, _timeProvider.GetElapsedTime(started));
                        throw;
                    }

                    if (!hasNext)
                    {
                        break;
                    }

                    AddUsage(usage, enumerator.Current);
                    yield return Tag(enumerator.Current, provider);
                }
            }

            OnSuccess(provider, _timeProvider.GetElapsedTime(started), usage);
            yield break;
        }

        throw Unavailable(failures);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        if (serviceKey is null && serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata("assistant-llm-chain", defaultModelId: _providers.Count > 0 ? _providers[0].Model : null);
        }

        return null;
    }

    public void Dispose()
    {
        // Registered under two service keys, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    private bool IsCoolingDown(LlmProvider provider, List<LlmProviderFailure> failures)
    {
        if (!provider.Breaker.IsOpen(_timeProvider.GetUtcNow(), out var openUntil))
        {
            return false;
        }

        var failure = new LlmProviderFailure(provider.Name, LlmFailureReason.CoolingDown, $"skipped until {openUntil:O}");
        failures.Add(failure);
        _metrics.RecordFailure(provider.Name, failure.Reason, duration: null);
        return true;
    }

    private void OnSuccess(LlmProvider provider, TimeSpan elapsed, UsageDetails? usage)
    {
        provider.Breaker.OnSuccess();
        _board.RecordSuccess(provider.Name, _timeProvider.GetUtcNow(), elapsed);
        _metrics.RecordSuccess(provider.Name, elapsed, usage?.InputTokenCount, usage?.OutputTokenCount);
    }

    private LlmProviderFailure OnFailure(LlmProvider provider, Exception exception, TimeSpan elapsed)
    {
        var (reason, detail, retryAfter) = LlmFailureClassifier.Classify(exception);
        var failure = new LlmProviderFailure(provider.Name, reason, detail);
        var now = _timeProvider.GetUtcNow();
        // Retry-After is honoured for 429 only: on other statuses it is rare and not about this client.
        var (consecutive, openUntil) = provider.Breaker.OnFailure(now, reason == LlmFailureReason.RateLimited ? retryAfter : null);
        _board.RecordFailure(provider.Name, now, failure, consecutive, openUntil);
        _metrics.RecordFailure(provider.Name, reason, elapsed);
        // Names, reasons and status codes only: never the prompt, the reply or the key.
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            _logger.LogWarning(
                "LLM provider {Provider} failed: {Reason} ({Detail}); skipped until {CoolingDownUntil:O}",
                provider.Name, reason.ToTag(), detail, openUntil);
        }
        return failure;
    }

    private LlmUnavailableException Unavailable(List<LlmProviderFailure> failures)
    {
        if (_logger.IsEnabled(LogLevel.Error))
        {
            _logger.LogError("No LLM provider answered: {Failures}", string.Join("; ", failures));
        }
        Activity.Current?.AddEvent(new ActivityEvent("llm.unavailable"));
        return new LlmUnavailableException(failures);
    }

    /// <summary>Each provider has its own model: a caller's model id would be wrong for all but one of them.</summary>
    private static ChatOptions? WithoutModel(ChatOptions? options)
    {
        if (options?.ModelId is null)
        {
            return options;
        }

        var clone = options.Clone();
        clone.ModelId = null;
        return clone;
    }

    private static ChatResponse Tag(ChatResponse response, LlmProvider provider)
    {
        response.ModelId ??= provider.Model;
        (response.AdditionalProperties ??= [])[ProviderPropertyName] = provider.Name;
        return response;
    }

    private static ChatResponseUpdate Tag(ChatResponseUpdate update, LlmProvider provider)
    {
        update.ModelId ??= provider.Model;
        (update.AdditionalProperties ??= [])[ProviderPropertyName] = provider.Name;
        return update;
    }

    private static void AddUsage(UsageDetails total, ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            if (content is UsageContent usage)
            {
                total.Add(usage.Details);
            }
        }
    }
}
