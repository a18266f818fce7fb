using System.Diagnostics;
using Assistant.Core.Businesses;
using Assistant.Core.Telemetry;
using Assistant.Core.WhatsApp.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Webhook.Ingest;

/// <summary>
/// The whole of <c>POST /webhook</c>: read, verify, parse, route, de-duplicate and enqueue, then
/// answer. Only 200 tells Meta "done"; every failure we can recover from answers something Meta
/// retries, and the de-duplication makes those retries safe.
/// </summary>
public sealed partial class WebhookIngestor(
    SignatureVerifier signature,
    BusinessDirectory directory,
    InboundEventQueue queue,
    WebhookMetrics metrics,
    IOptions<WebhookIngestOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookIngestor> logger)
{
    private readonly SignatureVerifier _signature = signature;
    private readonly BusinessDirectory _directory = directory;
    private readonly InboundEventQueue _queue = queue;
    private readonly WebhookMetrics _metrics = metrics;
    private readonly WebhookIngestOptions _options = options.Value;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ILogger<WebhookIngestor> _logger = logger;

    public async Task<IngestResult> IngestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        using var activity = AssistantTelemetry.Webhook.StartActivity("webhook.ingest");
        var result = await IngestCoreAsync(request, activity, cancellationToken);

        var outcome = WebhookMetrics.OutcomeName(result.Outcome);
        activity?.SetTag("webhook.outcome", outcome);
        activity?.SetTag("webhook.queued", result.Queued);
        activity?.SetTag("webhook.duplicates", result.Duplicates);
        if (result.Outcome is IngestOutcome.Unavailable or IngestOutcome.BadRequest)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Detail);
        }
        _metrics.Request(result.Outcome, _timeProvider.GetElapsedTime(started));
        return result;
    }

    private async Task<IngestResult> IngestCoreAsync(HttpRequest request, Activity? activity, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogTooLarge(_options.MaxBodyBytes);
            return new IngestResult(IngestOutcome.TooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");
        }

        // Nothing in an unsigned body is looked at: not even whether it is JSON.
        if (!_signature.IsValid(body.Memory.Span, request.Headers[SignatureVerifier.HeaderName]))
        {
            LogBadSignature(request.Headers.ContainsKey(SignatureVerifier.HeaderName));
            return new IngestResult(IngestOutcome.Unauthorized);
        }

        WebhookPayload payload;
        try
        {
            payload = WebhookParser.Parse(body.Memory, _timeProvider.GetUtcNow());
        }
        catch (InvalidWebhookException ex)
        {
            _metrics.ParseFailure();
            LogNotAWebhook(ex.Message);
            return new IngestResult(IngestOutcome.BadRequest, ex.Message);
        }

        if (!payload.IsWhatsAppBusinessAccount)
        {
            _metrics.Ignored("object", payload.ObjectType);
            LogIgnoredObject(payload.ObjectType);
            return new IngestResult(IngestOutcome.Ignored);
        }

        try
        {
            return await RouteAndEnqueueAsync(payload, activity).WaitAsync(_options.EnqueueTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogRedisUnavailable(ex.GetType().Name);
            return new IngestResult(IngestOutcome.Unavailable, "The event store is unavailable; retry later.");
        }
    }

    private async Task<IngestResult> RouteAndEnqueueAsync(WebhookPayload payload, Activity? activity)
    {
        var events = new List<QueuedEvent>(payload.EventCount);
        var unrouted = 0;
        foreach (var change in payload.Changes)
        {
            if (change.IsIgnored)
            {
                _metrics.Ignored("field", change.Field);
                continue;
            }
            if (change.Errors.Count > 0)
            {
                LogValueErrors(change.PhoneNumberId, string.Join(',', change.Errors.Select(e => e.Code)));
            }
            if (change.EventCount == 0)
            {
                continue;
            }

            var business = change.PhoneNumberId is { } phoneNumberId ? await _directory.FindByPhoneNumberIdAsync(phoneNumberId) : null;
            if (business is null)
            {
                unrouted++;
                _metrics.Unrouted();
                LogUnrouted(change.PhoneNumberId ?? "(none)", change.Field, change.EventCount);
                events.Add(QueuedEvent.ForUnrouted(new UnroutedChange
                {
                    PhoneNumberId = change.PhoneNumberId ?? string.Empty,
                    DisplayPhoneNumber = change.DisplayPhoneNumber,
                    WabaId = change.WabaId,
                    Field = change.Field,
                    RawChange = change.RawJson ?? string.Empty,
                    ReceivedAt = _timeProvider.GetUtcNow(),
                }));
                continue;
            }

            activity?.SetTag("business.id", business.Id);
            foreach (var message in change.Messages.Concat(change.Echoes))
            {
                _metrics.Event(message.IsEcho ? InboundStreamFields.KindEcho : InboundStreamFields.KindMessage, message.Type.Name());
                events.Add(QueuedEvent.ForMessage(message with { BusinessId = business.Id }));
            }
            foreach (var status in change.Statuses)
            {
                _metrics.Event(InboundStreamFields.KindStatus, status.RawStatus ?? "unknown");
                events.Add(QueuedEvent.ForStatus(status with { BusinessId = business.Id }));
            }
        }

        if (events.Count == 0)
        {
            return new IngestResult(IngestOutcome.Ignored);
        }

        var result = await _queue.EnqueueAsync(events, activity ?? Activity.Current);
        _metrics.Duplicates(result.Duplicates);
        return new IngestResult(IngestOutcome.Accepted, Queued: result.Added, Duplicates: result.Duplicates, Unrouted: unrouted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook body over {Limit} bytes")]
    private partial void LogTooLarge(int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook with a bad signature (header present: {HeaderPresent})")]
    private partial void LogBadSignature(bool headerPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a signed body that is not a webhook: {Reason}")]
    private partial void LogNotAWebhook(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a webhook for object {Object}")]
    private partial void LogIgnoredObject(string @object);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No business claims phone_number_id {PhoneNumberId}: parked the {Field} change ({Events} events) on the unrouted stream")]
    private partial void LogUnrouted(string phoneNumberId, string field, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta reported errors {Codes} on phone_number_id {PhoneNumberId}")]
    private partial void LogValueErrors(string? phoneNumberId, string codes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue webhook events ({Reason}): answered 503 so Meta retries")]
    private partial void LogRedisUnavailable(string reason);
}
