namespace Assistant.Core.Streams;

/// <summary>
/// Thrown by a handler that cannot decide yet (another process holds the work, an outcome is
/// still unknown): the entry stays pending without an error being recorded, and comes back through
/// XAUTOCLAIM after the claim idle time. Each return still counts as a delivery.
/// </summary>
public sealed class StreamEntryDeferredException(string reason) : Exception(reason);
