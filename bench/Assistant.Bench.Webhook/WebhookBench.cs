using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using StackExchange.Redis;

namespace Assistant.Bench.Webhook;

/// <summary>
/// Load on a running webhook as Meta would send it (signed, distinct bodies), then a check in Redis
/// that every acknowledged message is on the inbound stream exactly once, and that re-delivering
/// bodies adds nothing.
/// </summary>
public static class WebhookBench
{
    private const int RedeliveryCount = 1_000;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var bodies = new SignedBodies(options.Secret, options.PhoneNumberId, Guid.NewGuid().ToString("N")[..8]);
        var next = -1L;

        await output.WriteLineAsync($"webhook bench: {options.Url} concurrency {options.Concurrency}, warm-up {options.WarmupSeconds} s, measure {options.Seconds} s");
        var warmup = await PhaseAsync(http, options, bodies, () => Interlocked.Increment(ref next), TimeSpan.FromSeconds(options.WarmupSeconds));
        var measured = await PhaseAsync(http, options, bodies, () => Interlocked.Increment(ref next), TimeSpan.FromSeconds(options.Seconds));

        var latencies = measured.Latencies.ToArray();
        Array.Sort(latencies);
        var throughput = measured.Ok / measured.Elapsed.TotalSeconds;
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"measured: {measured.Ok} ok, {measured.Errors} errors in {measured.Elapsed.TotalSeconds:F1} s = {throughput:F0} req/s; ack latency p50 {p50:F2} ms, p99 {p99:F2} ms, max {(latencies.Length > 0 ? latencies[^1] : 0):F2} ms"));
        if (measured.ErrorSamples.Count > 0)
        {
            await output.WriteLineAsync("error samples: " + string.Join("; ", measured.ErrorSamples.Take(5)));
        }

        // Exactly once: every acknowledged id on the stream once; nothing else from this run.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options.Redis);
        var db = redis.GetDatabase();
        var acknowledged = new HashSet<string>(warmup.OkIds.Concat(measured.OkIds).Select(bodies.IdOf), StringComparer.Ordinal);
        var (seen, duplicates) = await ReadInboundIdsAsync(db);
        var missing = acknowledged.Count(id => !seen.Contains(id));
        await output.WriteLineAsync($"stream {StreamNames.Inbound}: {seen.Count} distinct ids, {duplicates} duplicate entries, {missing} acknowledged ids missing (acknowledged {acknowledged.Count})");

        // Re-deliver bodies Meta already got a 200 for: all 200, no new entries.
        var lengthBefore = await db.StreamLengthAsync(StreamNames.Inbound);
        var redelivered = acknowledged.Count == 0 ? new PhaseResult() : await PhaseAsync(http, options, bodies,
            NextOf(measured.OkIds.Take(RedeliveryCount).ToArray()), TimeSpan.FromSeconds(30));
        var lengthAfter = await db.StreamLengthAsync(StreamNames.Inbound);
        await output.WriteLineAsync($"re-delivered {redelivered.Ok + redelivered.Errors} acknowledged bodies: {redelivered.Ok} ok, {redelivered.Errors} errors, stream grew by {lengthAfter - lengthBefore}");

        var exactlyOnce = duplicates == 0 && missing == 0 && lengthAfter == lengthBefore;
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            requests = measured.Ok + measured.Errors,
            ok = measured.Ok,
            errors = measured.Errors,
            seconds = Math.Round(measured.Elapsed.TotalSeconds, 1),
            req_per_s = Math.Round(throughput),
            p50_ms = Math.Round(p50, 2),
            p99_ms = Math.Round(p99, 2),
            stream_entries = seen.Count + duplicates,
            duplicates,
            missing,
            redelivery_added = lengthAfter - lengthBefore,
            exactly_once = exactlyOnce,
        }));
        return exactlyOnce && measured.Errors == 0 && redelivered.Errors == 0 ? 0 : 1;
    }

    private static Func<long> NextOf(long[] ids)
    {
        var i = -1;
        return () => { var k = Interlocked.Increment(ref i); return k < ids.Length ? ids[k] : -1; };
    }

    private static async Task<PhaseResult> PhaseAsync(HttpClient http, BenchOptions options, SignedBodies bodies, Func<long> next, TimeSpan duration)
    {
        var result = new PhaseResult();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(64 * 1024);
            var okIds = new List<long>(64 * 1024);
            long errors = 0;
            var samples = new List<string>();
            while (clock.Elapsed < duration)
            {
                var n = next();
                if (n < 0)
                {
                    break;
                }
                var (body, signature) = bodies.Create(n);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = content };
                request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add(elapsed);
                        okIds.Add(n);
                    }
                    else
                    {
                        errors++;
                        if (samples.Count < 5)
                        {
                            samples.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors++;
                    if (samples.Count < 5)
                    {
                        samples.Add(ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }
            lock (result)
            {
                result.Latencies.AddRange(latencies);
                result.OkIds.AddRange(okIds);
                result.Errors += errors;
                result.ErrorSamples.AddRange(samples);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private static async Task<(HashSet<string> Ids, long Duplicates)> ReadInboundIdsAsync(IDatabase db)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long duplicates = 0;
        RedisValue from = "-";
        while (true)
        {
            var page = await db.StreamRangeAsync(StreamNames.Inbound, from, "+", count: 10_000);
            foreach (var entry in page)
            {
                var message = InboundMessage.Deserialize((string)entry[InboundStreamFields.Event]!);
                if (!ids.Add(message.Id))
                {
                    duplicates++;
                }
            }
            if (page.Length < 10_000)
            {
                return (ids, duplicates);
            }
            from = "(" + page[^1].Id;
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private sealed class PhaseResult
    {
        public List<double> Latencies { get; } = [];

        public List<long> OkIds { get; } = [];

        public long Ok => OkIds.Count;

        public long Errors { get; set; }

        public List<string> ErrorSamples { get; } = [];

        public TimeSpan Elapsed { get; set; }
    }
}
