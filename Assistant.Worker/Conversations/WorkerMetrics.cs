using System.Diagnostics.Metrics;
using Assistant.Core.Telemetry;

namespace Assistant.Worker.Conversations;

/// <summary>Meter <c>Assistant.Worker</c>: turns by route and intent, turn latency, debounced messages.</summary>
public sealed class WorkerMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _merged;

    public WorkerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AssistantTelemetry.WorkerName);
        _turns = meter.CreateCounter<long>("assistant.worker.turns", description: "Customer turns answered, by route and intent.");
        _turnDuration = meter.CreateHistogram<double>("assistant.worker.turn.duration", unit: "ms", description: "From the webhook's receipt of the last message of a turn to its reply being queued.");
        _merged = meter.CreateCounter<long>("assistant.worker.debounced", description: "Messages answered together with an earlier one of the same turn.");
    }

    public void TurnHandled(string route, string intent) =>
        _turns.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("intent", intent));

    public void TurnLatency(TimeSpan elapsed) => _turnDuration.Record(elapsed.TotalMilliseconds);

    public void Debounced(int extraMessages) => _merged.Add(extraMessages);
}
