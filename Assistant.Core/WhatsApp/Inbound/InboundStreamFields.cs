namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>Field names and kinds of the entries the webhook writes (see docs/inbound.md).</summary>
public static class InboundStreamFields
{
    /// <summary>What the entry holds: one of the <c>Kind*</c> values.</summary>
    public const string Kind = "kind";

    /// <summary>The event as JSON: <see cref="InboundMessage"/>, <see cref="DeliveryStatus"/> or <see cref="UnroutedChange"/>.</summary>
    public const string Event = "event";

    /// <summary>The conversation key (<see cref="ConversationKey"/>), so a consumer can shard without parsing; empty for unrouted changes.</summary>
    public const string Conversation = "conversation";

    /// <summary>W3C trace context of the webhook's span, so the consumer continues the trace.</summary>
    public const string TraceParent = "traceparent";

    public const string TraceState = "tracestate";

    public const string KindMessage = "message";

    public const string KindEcho = "echo";

    public const string KindStatus = "status";

    public const string KindUnrouted = "unrouted";
}
