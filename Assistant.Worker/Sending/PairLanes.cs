namespace Assistant.Worker.Sending;

/// <summary>
/// One FIFO of <see cref="LaneSlot"/>s per business-user pair, each drained by one pump task that
/// exists only while the lane has slots. Messages to one user leave in order; different users never wait
/// for each other.
/// </summary>
internal sealed class PairLanes(Func<PairLanes.Lane, CancellationToken, Task> pump)
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int LaneCount
    {
        get
        {
            lock (_lock)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Appends a slot to the pair's lane, starting its pump if the lane was idle.</summary>
    public LaneSlot Reserve(string pairKey, CancellationToken stopping)
    {
        var slot = new LaneSlot();
        Lane? startPump = null;
        lock (_lock)
        {
            if (!_lanes.TryGetValue(pairKey, out var lane))
            {
                lane = new Lane(pairKey);
                _lanes[pairKey] = lane;
            }

            lane.Slots.AddLast(slot);
            if (!lane.Pumping)
            {
                lane.Pumping = true;
                startPump = lane;
            }
        }

        if (startPump is not null)
        {
            // The pump outlives the handler that started it: do not let it inherit that handler's trace.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => pump(startPump, stopping), CancellationToken.None);
            }
        }

        return slot;
    }

    /// <summary>The first slot, or false (and the lane is retired) when it is empty.</summary>
    public bool TryPeekHead(Lane lane, out LaneSlot head)
    {
        lock (_lock)
        {
            if (lane.Slots.First is { } first)
            {
                head = first.Value;
                return true;
            }

            lane.Pumping = false;
            _lanes.Remove(lane.Key);
            head = null!;
            return false;
        }
    }

    public void Remove(Lane lane, LaneSlot slot)
    {
        lock (_lock)
        {
            lane.Slots.Remove(slot);
        }
    }

    /// <summary>
    /// Removes the head and the consecutive following slots that are already submitted and that
    /// <paramref name="canJoin"/> accepts (settled ones are dropped on the way); stops at the first
    /// slot still being prepared, so no message overtakes an earlier one.
    /// </summary>
    public List<(LaneSlot Slot, SendItem Item)> TakeBatch(Lane lane, LaneSlot head, SendItem headItem, Func<IReadOnlyList<SendItem>, SendItem, bool> canJoin)
    {
        var batch = new List<(LaneSlot, SendItem)> { (head, headItem) };
        var items = new List<SendItem> { headItem };
        lock (_lock)
        {
            lane.Slots.Remove(head);
            var node = lane.Slots.First;
            while (node is not null)
            {
                var next = node.Next;
                var submitted = node.Value.Submitted.Task;
                if (!submitted.IsCompletedSuccessfully)
                {
                    break;
                }

                if (submitted.Result is null)
                {
                    lane.Slots.Remove(node);
                }
                else if (canJoin(items, submitted.Result))
                {
                    batch.Add((node.Value, submitted.Result));
                    items.Add(submitted.Result);
                    lane.Slots.Remove(node);
                }
                else
                {
                    break;
                }

                node = next;
            }
        }

        return batch;
    }

    /// <summary>Shutdown: every waiting slot is cancelled and the lane retired.</summary>
    public void CancelAll(Lane lane)
    {
        lock (_lock)
        {
            foreach (var slot in lane.Slots)
            {
                slot.Done.TrySetCanceled();
            }

            lane.Slots.Clear();
            lane.Pumping = false;
            _lanes.Remove(lane.Key);
        }
    }

    internal sealed class Lane(string key)
    {
        public string Key { get; } = key;

        public LinkedList<LaneSlot> Slots { get; } = new();

        public bool Pumping { get; set; }
    }
}
