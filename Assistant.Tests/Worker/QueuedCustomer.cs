using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>
/// A customer of the demo clinic for tests of the worker alone: each message goes straight onto
/// <c>wa:inbound</c> through the webhook's own queue (no HTTP), and the replies are read from the
/// sandbox channel.
/// </summary>
internal sealed class QueuedCustomer(IConnectionMultiplexer redis, string phone, string name = "Paolo")
{
    public string ConversationKey => $"{SimulatedCustomer.BusinessId}:{phone}";

    public async Task SendAsync(string text)
    {
        var message = new InboundMessage
        {
            Id = $"wamid.queued.{Guid.NewGuid():N}",
            BusinessId = SimulatedCustomer.BusinessId,
            PhoneNumberId = SimulatedCustomer.PhoneNumberId,
            Contact = new ContactIdentity { WaId = phone, Name = name },
            Type = InboundMessageType.Text,
            Text = text,
            Timestamp = DateTimeOffset.UtcNow,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        await new InboundEventQueue(redis).EnqueueAsync([QueuedEvent.ForMessage(message)], null).Within();
    }

    /// <summary>The text replies delivered so far, oldest first (mark-as-read receipts are not messages).</summary>
    public async Task<List<string>> RepliesAsync() =>
        (await new SandboxOutbox(redis, TimeProvider.System).ReadAsync(SimulatedCustomer.BusinessId, ConversationKey).Within())
            .Where(d => d.Message.Kind == OutboundKind.Text)
            .Reverse()
            .Select(d => d.Message.Text!.Body)
            .ToList();

    /// <summary>Waits until at least <paramref name="count"/> replies arrived, then returns them all.</summary>
    public async Task<List<string>> WaitForRepliesAsync(int count, TimeSpan timeout)
    {
        List<string> replies = [];
        await Outbound.SenderHarness.EventuallyAsync(async () => (replies = await RepliesAsync()).Count >= count, $"{count} replies to {phone}", timeout);
        return replies;
    }
}
