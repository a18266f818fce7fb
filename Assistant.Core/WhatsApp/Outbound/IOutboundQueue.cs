namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Where the worker and the admin app put messages for customers; the sender delivers them.</summary>
public interface IOutboundQueue
{
    /// <summary>
    /// Validates and queues <paramref name="message"/> on <c>wa:outbound</c> with the current trace
    /// context. A text over 4,096 characters is queued as several messages (<c>{id}.1</c>, <c>{id}.2</c>, ...).
    /// Idempotent per id: returns the ids actually queued, empty when they all were queued before.
    /// Throws <see cref="OutboundValidationException"/> for content the Cloud API would refuse.
    /// </summary>
    Task<IReadOnlyList<string>> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
