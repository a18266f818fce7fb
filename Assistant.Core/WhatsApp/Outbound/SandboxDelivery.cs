namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>A message the sandbox channel recorded instead of delivering.</summary>
public sealed record SandboxDelivery(string EntryId, string MessageId, string Wamid, OutboundMessage Message, DateTimeOffset DeliveredAt);
