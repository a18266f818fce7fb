namespace Assistant.Worker.Sending;

/// <summary>
/// A queue entry's place in its pair lane, taken in stream order before any await so that the
/// order of messages to one user survives concurrent handling.
/// </summary>
internal sealed class LaneSlot
{
    /// <summary>The item to send, or null when the entry was settled without a send.</summary>
    public TaskCompletionSource<SendItem?> Submitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the entry may be acked; faults with the reason it may not.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
