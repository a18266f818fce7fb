using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Tests.Outbound;
using StackExchange.Redis;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// Issue 5: webhook → wa:inbound → worker → wa:outbound → sender → Graph API, end to end, with the
/// services as separate Release processes and Meta replaced by the loopback stand-in.
/// </summary>
public sealed class PipelineBench(PipelineOptions options, TextWriter output)
{
    /// <summary>Phase numbers: they keep the customers (phones) of every phase apart.</summary>
    private const int WarmupPhase = 0, LatencyPhase = 1, WarmupOnePhase = 2, OneWorkerPhase = 3, WarmupTwoPhase = 4, TwoWorkersPhase = 5, SparsePhase = 6;

    private const int SparseMessages = 30;

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    private readonly List<ServiceProcess> _services = [];
    private readonly CpuMeter _cpu = new();

    public async Task<int> RunAsync()
    {
        var loadBefore = Stats.LoadAverage();
        await output.WriteLineAsync($"pipeline bench: load average before {loadBefore} ({Environment.ProcessorCount} cores)");
        var greetings = ReadGreetings();
        if (options.RedisPid > 0)
        {
            _cpu.Add("redis", options.RedisPid);
        }
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options.Redis);
        await using var standIn = await GraphApiStandIn.StartAsync();
        var traffic = new GraphTraffic(standIn);
        var messages = new CustomerMessages(options.AppSecret, PipelineOptions.PhoneNumberId, Guid.NewGuid().ToString("N")[..8]);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        try
        {
            var webhook = await StartAsync("webhook", "webhook", options.WebhookDll, []);
            var poster = new WebhookPoster(http, new Uri(webhook.BaseUrl, "/webhook"), messages);
            var defaults = new Dictionary<string, string> { ["WhatsApp__GraphApiBaseUrl"] = standIn.BaseUrl };

            // 1. Latency: one worker with the product's pacing defaults, a steady rate far from every limit.
            var worker = await StartAsync("worker-1", "workers", options.WorkerDll, defaults);
            await PhaseAsync("warm-up (not reported)", WarmupPhase, options.WarmupMessages,
                () => LoadShapes.SteadyAsync(poster, WarmupPhase, options.WarmupMessages, options.Rate), traffic, messages, greetings, redis);
            var latency = await PhaseAsync(string.Create(CultureInfo.InvariantCulture, $"latency: {options.LatencyMessages} greetings at {options.Rate} / s, 1 worker"), LatencyPhase, options.LatencyMessages,
                () => LoadShapes.SteadyAsync(poster, LatencyPhase, options.LatencyMessages, options.Rate), traffic, messages, greetings, redis);
            var sparse = await PhaseAsync($"latency of a quiet business: {SparseMessages} greetings about 1 s apart, 1 worker", SparsePhase, SparseMessages,
                () => LoadShapes.SparseAsync(poster, SparsePhase, SparseMessages, TimeSpan.FromSeconds(1)), traffic, messages, greetings, redis);

            // 2. Throughput: Meta's per-number pacing raised out of the way, one worker, then two.
            await worker.StopAsync();
            var fast = new Dictionary<string, string>(defaults)
            {
                ["Outbound__NumberMessagesPerSecond"] = "5000",
                ["Outbound__NumberBurst"] = "5000",
            };
            await StartAsync("worker-1-fast", "workers", options.WorkerDll, fast);
            var warm = Math.Min(options.ThroughputMessages, 300);
            await PhaseAsync("warm-up (not reported)", WarmupOnePhase, warm,
                () => LoadShapes.FloodAsync(poster, WarmupOnePhase, warm, options.Concurrency), traffic, messages, greetings, redis);
            var one = await PhaseAsync($"throughput: {options.ThroughputMessages} greetings, concurrency {options.Concurrency}, 1 worker", OneWorkerPhase, options.ThroughputMessages,
                () => LoadShapes.FloodAsync(poster, OneWorkerPhase, options.ThroughputMessages, options.Concurrency), traffic, messages, greetings, redis);

            await StartAsync("worker-2-fast", "workers", options.WorkerDll, fast);
            await PhaseAsync("warm-up (not reported)", WarmupTwoPhase, warm,
                () => LoadShapes.FloodAsync(poster, WarmupTwoPhase, warm, options.Concurrency), traffic, messages, greetings, redis);
            var two = await PhaseAsync($"throughput: {options.ThroughputMessages} greetings, concurrency {options.Concurrency}, 2 workers", TwoWorkersPhase, options.ThroughputMessages,
                () => LoadShapes.FloodAsync(poster, TwoWorkersPhase, options.ThroughputMessages, options.Concurrency), traffic, messages, greetings, redis);

            var (pendingInbound, pendingOutbound) = await Diagnostics.PendingAsync(redis.GetDatabase());
            var loadAfter = Stats.LoadAverage();
            var ratio = one.RepliesPerSecond > 0 ? two.RepliesPerSecond / one.RepliesPerSecond : 0;
            var complete = new[] { latency, sparse, one, two }.All(p => p.PostErrors == 0 && p.Replies == p.Messages && p.Duplicates == 0)
                && pendingInbound == 0 && pendingOutbound == 0;
            var p50 = Stats.Percentile(latency.ReplyLatencies, 0.50);
            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"summary: latency p50 {p50:F1} ms (target < 50 ms: {(p50 < 50 ? "met" : "NOT met")}); throughput 1 worker {one.RepliesPerSecond:F1} replies/s, 2 workers {two.RepliesPerSecond:F1} replies/s, ratio {ratio:F2} ({Environment.ProcessorCount} cores: a second replica adds no CPU)"));
            await output.WriteLineAsync($"all replies once: {(complete ? "yes" : "NO")} (entries left pending: wa:inbound {pendingInbound}, wa:outbound {pendingOutbound}); load average before {loadBefore}, after {loadAfter}");
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                latency = latency.ToJson(),
                latency_quiet = sparse.ToJson(),
                throughput_1_worker = one.ToJson(),
                throughput_2_workers = two.ToJson(),
                ratio_2_to_1 = Math.Round(ratio, 2),
                all_replies_once = complete,
                pending_inbound = pendingInbound,
                pending_outbound = pendingOutbound,
                cores = Environment.ProcessorCount,
                load_before = loadBefore,
                load_after = loadAfter,
            }));
            return complete ? 0 : 1;
        }
        finally
        {
            foreach (var service in _services)
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <param name="group">Processes whose CPU time is summed (the worker replicas).</param>
    private async Task<ServiceProcess> StartAsync(string name, string group, string dll, Dictionary<string, string> environment)
    {
        await output.WriteLineAsync($"starting {name}...");
        var service = await ServiceProcess.StartAsync(name, dll, options.WorkDirectory, environment);
        _services.Add(service);
        _cpu.Add(group, service.Pid);
        await output.WriteLineAsync($"{name} healthy on {service.BaseUrl}");
        return service;
    }

    private async Task<PhaseOutcome> PhaseAsync(
        string name, int phase, int count, Func<Task<IReadOnlyList<PostResult>>> load,
        GraphTraffic traffic, CustomerMessages messages, IReadOnlySet<string> greetings, ConnectionMultiplexer redis)
    {
        await output.WriteLineAsync($"{name}: posting...");
        var cpuBefore = _cpu.Snapshot();
        var redisBefore = await RedisCommandStats.SnapshotAsync(redis.GetDatabase());
        var posts = await load();
        var phones = posts.Select(p => CustomerMessages.PhoneOf(phase, p.N)).ToList();
        var ids = posts.Select(p => messages.IdOf(phase, p.N)).ToList();
        await traffic.WaitForAsync(phones, ids, Quiet);
        var cpuAfter = _cpu.Snapshot();
        var redisAfter = await RedisCommandStats.SnapshotAsync(redis.GetDatabase());
        await traffic.SettleAsync();
        var outcome = PhaseOutcome.From(name, phase, posts, traffic, messages, greetings);
        outcome.CpuPerReply = CpuMeter.PerReply(cpuBefore, cpuAfter, outcome.Replies);
        outcome.RedisPerReply = RedisCommandStats.PerReply(redisBefore, redisAfter, outcome.Replies);
        outcome.Stages = await StageBreakdown.MeasureAsync(redis.GetDatabase(), phase, posts, traffic, messages);
        await output.WriteLineAsync(outcome.Describe());
        if (outcome.Replies != outcome.Messages || outcome.Duplicates > 0 || outcome.PostErrors > 0 || outcome.NotGreeting > 0)
        {
            await output.WriteLineAsync($"  ABNORMAL: missing {string.Join(", ", outcome.MissingPhones.Take(5))}{(outcome.MissingPhones.Count > 5 ? ", ..." : "")}; state:");
            await output.WriteAsync(await Diagnostics.DescribeAsync(redis.GetDatabase(), _services));
        }
        return outcome;
    }

    /// <summary>The demo business's greeting replies (responses.json), in each of its languages.</summary>
    private HashSet<string> ReadGreetings()
    {
        var path = Path.Combine(options.PacksPath, PipelineOptions.BusinessId, "responses.json");
        var greeting = JsonNode.Parse(File.ReadAllText(path))?["greeting"]?.AsObject() ?? throw new InvalidDataException($"{path} has no greeting");
        return greeting.Select(g => g.Value!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }
}
