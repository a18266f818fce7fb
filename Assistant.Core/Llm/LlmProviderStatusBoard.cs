namespace Assistant.Core.Llm;

/// <summary>
/// Live per-provider status of the LLM chain, for the admin console. A singleton that the chain writes and
/// anyone may read; providers appear in chain order from start-up, before their first call.
/// </summary>
public sealed class LlmProviderStatusBoard
{
    // Weight of the newest sample: recent enough to show a slow provider within a few calls.
    private const double EwmaAlpha = 0.3;

    private readonly Lock _lock = new();
    private readonly List<LlmProviderStatus> _statuses = [];

    /// <summary>A board listing <paramref name="options"/>' providers, none called yet.</summary>
    public static LlmProviderStatusBoard For(LlmOptions options)
    {
        var board = new LlmProviderStatusBoard();
        foreach (var provider in options.Providers)
        {
            var kind = LlmProviderKinds.IsOllama(provider.Kind) ? LlmProviderKinds.Ollama : LlmProviderKinds.OpenAI;
            board.Register(provider.Name ?? string.Empty, kind, provider.Model ?? string.Empty);
        }

        return board;
    }

    /// <summary>Every provider's status, in chain order.</summary>
    public IReadOnlyList<LlmProviderStatus> Snapshot()
    {
        lock (_lock)
        {
            return [.. _statuses];
        }
    }

    public LlmProviderStatus? Get(string provider)
    {
        lock (_lock)
        {
            var index = IndexOf(provider);
            return index < 0 ? null : _statuses[index];
        }
    }

    internal void Register(string provider, string kind, string model)
    {
        lock (_lock)
        {
            if (IndexOf(provider) < 0)
            {
                _statuses.Add(new LlmProviderStatus { Name = provider, Kind = kind, Model = model });
            }
        }
    }

    internal void RecordSuccess(string provider, DateTimeOffset at, TimeSpan latency) =>
        Update(provider, s => s with
        {
            LastSuccessAt = at,
            ConsecutiveFailures = 0,
            CoolingDownUntil = null,
            LatencyEwmaMs = s.LatencyEwmaMs is { } previous
                ? (EwmaAlpha * latency.TotalMilliseconds) + ((1 - EwmaAlpha) * previous)
                : latency.TotalMilliseconds,
            TotalCalls = s.TotalCalls + 1,
        });

    internal void RecordFailure(string provider, DateTimeOffset at, LlmProviderFailure failure, int consecutiveFailures, DateTimeOffset coolingDownUntil) =>
        Update(provider, s => s with
        {
            LastFailureAt = at,
            LastFailureReason = $"{failure.Reason.ToTag()} ({failure.Detail})",
            ConsecutiveFailures = consecutiveFailures,
            CoolingDownUntil = coolingDownUntil,
            TotalCalls = s.TotalCalls + 1,
            TotalFailures = s.TotalFailures + 1,
        });

    private void Update(string provider, Func<LlmProviderStatus, LlmProviderStatus> change)
    {
        lock (_lock)
        {
            var index = IndexOf(provider);
            if (index >= 0)
            {
                _statuses[index] = change(_statuses[index]);
            }
        }
    }

    private int IndexOf(string provider) =>
        _statuses.FindIndex(s => string.Equals(s.Name, provider, StringComparison.OrdinalIgnoreCase));
}
