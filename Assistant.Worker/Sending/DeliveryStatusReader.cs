using System.Text.Json;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>
/// Reads a <c>wa:statuses</c> entry: the webhook's <see cref="DeliveryStatus"/> record in the
/// <see cref="InboundStreamFields.Event"/> field. The webhook is the only writer, so any other
/// shape is unreadable rather than guessed at.
/// </summary>
public static class DeliveryStatusReader
{
    public static DeliveryStatus? Read(StreamEntry entry)
    {
        if (entry.GetString(InboundStreamFields.Event) is not { } json)
        {
            return null;
        }

        try
        {
            return DeliveryStatus.Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
