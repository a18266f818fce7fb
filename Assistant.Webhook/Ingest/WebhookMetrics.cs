using System.Diagnostics;
using System.Diagnostics.Metrics;
using Assistant.Core.Telemetry;

namespace Assistant.Webhook.Ingest;

/// <summary>The webhook's instruments, on the Meter <c>Assistant.Webhook</c>.</summary>
public sealed class WebhookMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _parseFailures;
    private readonly Counter<long> _unrouted;
    private readonly Counter<long> _ignored;
    private readonly Histogram<double> _ackDuration;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AssistantTelemetry.WebhookName);
        _requests = meter.CreateCounter<long>("assistant.webhook.requests", "{request}", "POST /webhook requests by outcome.");
        _events = meter.CreateCounter<long>("assistant.webhook.events", "{event}", "Events received in signed webhook bodies, by kind and type (duplicates included).");
        _duplicates = meter.CreateCounter<long>("assistant.webhook.duplicates", "{event}", "Events already queued by an earlier delivery.");
        _parseFailures = meter.CreateCounter<long>("assistant.webhook.parse_failures", "{request}", "Signed bodies that were not JSON or not a webhook.");
        _unrouted = meter.CreateCounter<long>("assistant.webhook.unrouted", "{change}", "Changes for a phone_number_id no business claims.");
        _ignored = meter.CreateCounter<long>("assistant.webhook.ignored", "{change}", "Bodies or changes we do not act on, by reason.");
        _ackDuration = meter.CreateHistogram<double>("assistant.webhook.ack.duration", "ms", "Time from the start of the request to its answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500] });
    }

    public void Request(IngestOutcome outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", OutcomeName(outcome));
        _requests.Add(1, tag);
        _ackDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void Event(string kind, string type) =>
        _events.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("type", type));

    public void Duplicates(int count)
    {
        if (count > 0)
        {
            _duplicates.Add(count);
        }
    }

    public void ParseFailure() => _parseFailures.Add(1);

    public void Unrouted() => _unrouted.Add(1);

    public void Ignored(string reason, string what) =>
        _ignored.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("what", what));

    public static string OutcomeName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "accepted",
        IngestOutcome.Ignored => "ignored",
        IngestOutcome.Unauthorized => "unauthorized",
        IngestOutcome.BadRequest => "bad_request",
        IngestOutcome.TooLarge => "too_large",
        IngestOutcome.Unavailable => "unavailable",
        _ => "other",
    };
}
