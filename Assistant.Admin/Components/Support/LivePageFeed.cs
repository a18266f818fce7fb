using Assistant.Admin.Services;

namespace Assistant.Admin.Components.Support;

/// <summary>
/// Keeps an open console page current: the business's live events (Redis pub/sub behind
/// <see cref="LiveEventReader"/>) refresh it at once, and a slow poll covers what publishes no
/// event (a bot answering a bot-handled conversation) and the moments Redis is away. One per page.
/// </summary>
public sealed class LivePageFeed(LiveEventReader events)
{
    /// <summary>True while live events arrive; false before the first and after Redis dropped the subscription.</summary>
    public bool IsLive { get; private set; }

    /// <summary>Calls <paramref name="refresh"/> on every event and every <paramref name="pollEvery"/> until <paramref name="stop"/>.</summary>
    public void Start(string businessId, TimeSpan pollEvery, Func<Task> refresh, CancellationToken stop)
    {
        _ = Task.Run(() => ListenAsync(businessId, refresh, stop), stop);
        _ = Task.Run(() => PollAsync(pollEvery, refresh, stop), stop);
    }

    private async Task ListenAsync(string businessId, Func<Task> refresh, CancellationToken stop)
    {
        try
        {
            await foreach (var item in events.ReadAsync(businessId, null, stop))
            {
                IsLive = true;
                if (item.EventType != "keepalive")
                {
                    await refresh();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (StackExchange.Redis.RedisException)
        {
            // The poll carries on alone.
            IsLive = false;
        }
    }

    private static async Task PollAsync(TimeSpan every, Func<Task> refresh, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }
}
