namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The body is not JSON, or is JSON but not a webhook (no <c>object</c> or no <c>entry</c>).</summary>
public sealed class InvalidWebhookException(string message, Exception? inner = null) : Exception(message, inner);
