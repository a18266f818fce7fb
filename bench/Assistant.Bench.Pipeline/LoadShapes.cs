using System.Diagnostics;

namespace Assistant.Bench.Pipeline;

public static class LoadShapes
{
    /// <summary>
    /// Open loop at a steady rate: message i is posted at i / rate whether or not earlier posts were
    /// answered, so a slow answer delays nothing behind it (no coordinated omission).
    /// </summary>
    public static async Task<IReadOnlyList<PostResult>> SteadyAsync(WebhookPoster poster, int phase, int count, double rate)
    {
        var posts = new Task<PostResult>[count];
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = Stats.Milliseconds(Stopwatch.GetTimestamp(), start + (long)(i * interval));
            if (wait > 0.5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
            posts[i] = poster.PostAsync(phase, i);
        }
        return await Task.WhenAll(posts);
    }

    /// <summary>
    /// Far apart (each gap <paramref name="gap"/> ± 30 %, so no period lines up with the consumers'
    /// poll timers): a quiet business, whose consumers have backed off to their longest poll delay.
    /// </summary>
    public static async Task<IReadOnlyList<PostResult>> SparseAsync(WebhookPoster poster, int phase, int count, TimeSpan gap)
    {
        var posts = new Task<PostResult>[count];
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(gap * (0.7 + 0.6 * Random.Shared.NextDouble()));
            posts[i] = poster.PostAsync(phase, i);
        }
        return await Task.WhenAll(posts);
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> posts in flight, each followed at once by the next.</summary>
    public static async Task<IReadOnlyList<PostResult>> FloodAsync(WebhookPoster poster, int phase, int count, int concurrency)
    {
        var next = -1;
        var results = new PostResult[count];
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                results[n] = await poster.PostAsync(phase, n);
            }
        }));
        await Task.WhenAll(loops);
        return results;
    }
}
