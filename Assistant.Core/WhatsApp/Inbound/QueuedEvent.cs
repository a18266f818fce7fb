using System.IO.Hashing;
using System.Text;
using Assistant.Core.Streams;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>One stream entry to write, with the marker that makes a retried delivery a no-op.</summary>
public sealed record QueuedEvent(string Stream, string DedupeKey, string Kind, string Conversation, byte[] Payload, long MaxLength)
{
    public static QueuedEvent ForMessage(InboundMessage message) => new(
        StreamNames.Inbound,
        InboundLimits.DedupePrefix + (message.IsEcho ? "e:" : "m:") + message.Id,
        message.IsEcho ? InboundStreamFields.KindEcho : InboundStreamFields.KindMessage,
        message.ConversationKey,
        InboundMessage.SerializeToUtf8Bytes(message),
        InboundLimits.InboundMaxLength);

    public static QueuedEvent ForStatus(DeliveryStatus status) => new(
        StreamNames.Statuses,
        InboundLimits.DedupePrefix + "s:" + status.Id + ":" + (status.RawStatus ?? "unknown"),
        InboundStreamFields.KindStatus,
        string.Empty,
        DeliveryStatus.SerializeToUtf8Bytes(status),
        InboundLimits.StatusesMaxLength);

    /// <summary>Keyed on a hash of the change itself: a retried body parks the same change once.</summary>
    public static QueuedEvent ForUnrouted(UnroutedChange change) => new(
        StreamNames.Unrouted,
        InboundLimits.DedupePrefix + "u:" + Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(change.PhoneNumberId + "\n" + change.RawChange))),
        InboundStreamFields.KindUnrouted,
        string.Empty,
        UnroutedChange.SerializeToUtf8Bytes(change),
        InboundLimits.UnroutedMaxLength);
}
