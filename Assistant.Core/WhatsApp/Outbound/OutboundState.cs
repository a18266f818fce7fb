namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The states of an <c>out:{id}</c> record, as stored (lower case).</summary>
public static class OutboundState
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    /// <summary>Not sent on purpose: opted out, or proactive outside the window with no template.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>Not sent: the window was closed and a re-engagement template was queued instead (<c>replacedBy</c>).</summary>
    public const string Replaced = "replaced";

    /// <summary>Meta has accepted the message (or the sandbox recorded it): never send it again.</summary>
    public static bool IsAccepted(string? state) => state is Sent or Delivered or Read;

    public static bool IsFinal(string? state) => IsAccepted(state) || state is Failed or Suppressed or Replaced;
}
