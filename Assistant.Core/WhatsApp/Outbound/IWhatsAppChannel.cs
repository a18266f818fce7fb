namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Where the sender delivers: the Graph API, or the sandbox when no access token is configured.</summary>
public interface IWhatsAppChannel
{
    /// <summary>True when messages are recorded, not delivered (no Meta, no status webhooks).</summary>
    bool IsSandbox { get; }

    /// <summary>Sends one message. Meta errors come back in the result; only validation and cancellation throw.</summary>
    Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
