using System.Diagnostics;
using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Worker.Sending;

/// <summary>A message cleared for sending: the record as read (for the compare-and-set) and the trace to continue.</summary>
internal sealed record SendItem(OutboundMessage Message, OutboundRecord Record, ActivityContext Parent);
