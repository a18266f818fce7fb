namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>What the sender does with a failed send.</summary>
public enum SendFailureKind
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>Try again later with backoff: throttling, Meta maintenance, 5xx, timeouts, network.</summary>
    Retryable,

    /// <summary>131047: more than 24 hours since the customer wrote; only a template may be sent.</summary>
    OutsideWindow,

    /// <summary>Will fail the same way again: dead-letter, do not retry.</summary>
    Permanent,
}
