using System.Diagnostics.Metrics;
using Assistant.Core.Telemetry;

namespace Assistant.Core.Llm;

/// <summary>
/// The chain's own instruments on Meter <c>Assistant.Llm</c>, per provider. The GenAI semantic-convention
/// metrics (<c>gen_ai.client.*</c>) come from <c>UseOpenTelemetry</c> on each provider's client.
/// </summary>
public sealed class LlmMetrics
{
    public const string CallsName = "assistant.llm.calls";
    public const string FailuresName = "assistant.llm.failures";
    public const string DurationName = "assistant.llm.duration";
    public const string TokensName = "assistant.llm.tokens";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _tokens;

    public LlmMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AssistantTelemetry.LlmName);
        _calls = meter.CreateCounter<long>(CallsName, "{call}", "Calls to an LLM provider, by provider and outcome.");
        _failures = meter.CreateCounter<long>(FailuresName, "{call}", "Failed calls to an LLM provider, by provider and reason.");
        _duration = meter.CreateHistogram<double>(DurationName, "s", "Duration of calls to an LLM provider.");
        _tokens = meter.CreateCounter<long>(TokensName, "{token}", "Tokens reported by LLM providers, by provider and direction.");
    }

    internal void RecordSuccess(string provider, TimeSpan duration, long? inputTokens, long? outputTokens)
    {
        var providerTag = new KeyValuePair<string, object?>("provider", provider);
        _calls.Add(1, providerTag, new("outcome", "success"));
        _duration.Record(duration.TotalSeconds, providerTag, new("outcome", "success"));
        if (inputTokens is { } input)
        {
            _tokens.Add(input, providerTag, new("direction", "input"));
        }

        if (outputTokens is { } output)
        {
            _tokens.Add(output, providerTag, new("direction", "output"));
        }
    }

    internal void RecordFailure(string provider, LlmFailureReason reason, TimeSpan? duration)
    {
        var providerTag = new KeyValuePair<string, object?>("provider", provider);
        var reasonTag = new KeyValuePair<string, object?>("reason", reason.ToTag());
        _failures.Add(1, providerTag, reasonTag);
        if (duration is { } elapsed)
        {
            // Skipped (cooling-down) providers are failures for the caller but were not called.
            _calls.Add(1, providerTag, new("outcome", "failure"));
            _duration.Record(elapsed.TotalSeconds, providerTag, new("outcome", "failure"));
        }
    }
}
