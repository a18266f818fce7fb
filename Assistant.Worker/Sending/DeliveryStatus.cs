namespace Assistant.Worker.Sending;

/// <summary>The part of a status webhook the sender needs. <see cref="Status"/> is lower case: sent, delivered, read, failed.</summary>
public sealed record DeliveryStatus(
    string? Wamid,
    string Status,
    string? RecipientId,
    DateTimeOffset? Timestamp,
    IReadOnlyList<DeliveryStatusError> Errors,
    string? CallbackData);

public sealed record DeliveryStatusError(int Code, string? Title, string? Message);
