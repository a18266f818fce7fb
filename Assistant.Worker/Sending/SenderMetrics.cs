using System.Diagnostics.Metrics;
using Assistant.Core.Telemetry;

namespace Assistant.Worker.Sending;

/// <summary>The sender's instruments, on the Meter <c>Assistant.Sender</c>.</summary>
public sealed class SenderMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _merged;
    private readonly Counter<long> _suppressed;
    private readonly Histogram<double> _sendDuration;
    private readonly Histogram<double> _queueLag;

    public SenderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AssistantTelemetry.SenderName);
        _sent = meter.CreateCounter<long>("assistant.sender.sent", "{message}", "Messages Meta accepted (or the sandbox recorded).");
        _failed = meter.CreateCounter<long>("assistant.sender.failed", "{attempt}", "Failed send attempts, by error code.");
        _retried = meter.CreateCounter<long>("assistant.sender.retried", "{attempt}", "Send attempts scheduled again after a retryable failure.");
        _deadLettered = meter.CreateCounter<long>("assistant.sender.dead_lettered", "{message}", "Messages given up on, by error code.");
        _merged = meter.CreateCounter<long>("assistant.sender.merged", "{message}", "Short texts sent inside an earlier message to the same user.");
        _suppressed = meter.CreateCounter<long>("assistant.sender.suppressed", "{message}", "Proactive messages not sent: opt-out or closed window.");
        _sendDuration = meter.CreateHistogram<double>("assistant.sender.send.duration", "ms", "Duration of one Graph API send call.");
        _queueLag = meter.CreateHistogram<double>("assistant.sender.queue.lag", "ms", "Time between queueing a message and the sender picking it up.");
    }

    public void Sent(string phoneNumberId, int count = 1) => _sent.Add(count, new KeyValuePair<string, object?>("phone_number_id", phoneNumberId));

    public void Failed(string code) => _failed.Add(1, new KeyValuePair<string, object?>("error.code", code));

    public void Retried(string code) => _retried.Add(1, new KeyValuePair<string, object?>("error.code", code));

    public void DeadLettered(string code, int count = 1) => _deadLettered.Add(count, new KeyValuePair<string, object?>("error.code", code));

    public void Merged(int count) => _merged.Add(count);

    public void Suppressed(string reason) => _suppressed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SendDuration(TimeSpan elapsed) => _sendDuration.Record(elapsed.TotalMilliseconds);

    public void QueueLag(TimeSpan lag) => _queueLag.Record(Math.Max(0, lag.TotalMilliseconds));
}
