namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The channel without an access token: validates like the Graph API client, records in the <see cref="SandboxOutbox"/>, delivers nothing.</summary>
public sealed class SandboxChannel(SandboxOutbox outbox) : IWhatsAppChannel
{
    public bool IsSandbox => true;

    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        OutboundMessagePreparer.Validate(message);
        cancellationToken.ThrowIfCancellationRequested();
        var wamid = await outbox.RecordAsync(message);
        return GraphSendResult.Sent(message.Kind == OutboundKind.MarkRead ? null : wamid);
    }
}
