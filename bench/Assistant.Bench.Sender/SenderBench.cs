using System.Diagnostics;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Assistant.Tests.Outbound;
using Assistant.Worker.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Bench.Sender;

internal static class SenderBench
{
    // The defaults of OutboundOptions, restated so the checks below are explicit.
    private const double NumberRate = 80;
    private const int NumberBurst = 20;
    private const int PairBurst = 4;
    private static readonly TimeSpan PairInterval = TimeSpan.FromSeconds(6);

    public static async Task<VariantResult> RunAsync(string name, int numbers, int recipients, int messages)
    {
        Console.WriteLine($"== {name}");
        await using var redis = await RedisServer.StartAsync();
        await using var graph = await GraphApiStandIn.StartAsync();

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = "bench-token",
            ["WhatsApp:GraphApiBaseUrl"] = graph.BaseUrl,
            // Merging would turn queued texts into fewer requests; the rates are measured per request.
            ["Outbound:MergeTextMaxLength"] = "0",
            ["Outbound:MaxInFlight"] = "20000",
        });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        builder.AddOutboundSender();
        using var host = builder.Build();
        var services = host.Services;
        var queue = services.GetRequiredService<IOutboundQueue>();

        // Recipient r always talks to number r % numbers; message i goes to recipient i % recipients.
        var enqueue = Stopwatch.StartNew();
        var all = Enumerable.Range(0, messages).Select(i =>
        {
            var recipient = i % recipients;
            return new OutboundMessage
            {
                Id = $"bench-{i:D6}",
                BusinessId = "bench",
                PhoneNumberId = $"num-{recipient % numbers:D2}",
                ConversationKey = $"conv-{recipient}",
                To = $"39333{recipient:D7}",
                Kind = OutboundKind.Text,
                Text = new OutboundText($"Risposta numero {i}."),
                CreatedAt = DateTimeOffset.UtcNow,
            };
        }).ToList();
        foreach (var chunk in all.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(m => queue.EnqueueAsync(m)));
        }

        Console.WriteLine($"   queued {messages} in {enqueue.Elapsed.TotalSeconds:F2} s");

        var dispatcher = services.GetRequiredService<OutboundDispatcher>();
        var options = OutboundSenderService.ConsumerOptions(services.GetRequiredService<IOptions<OutboundOptions>>().Value);
        var consumer = new RedisStreamConsumer(redis.Connection, options, dispatcher.HandleAsync, services.GetRequiredService<ILogger<OutboundDispatcher>>());
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);

        var deadline = Stopwatch.StartNew();
        var expectedSeconds = (messages / (double)numbers / NumberRate) + (messages / (double)recipients / PairBurst * PairInterval.TotalSeconds) + 60;
        while (graph.MessageRequests.Count < messages && deadline.Elapsed.TotalSeconds < expectedSeconds)
        {
            await Task.Delay(100);
        }

        while (await redis.Database.StreamPendingAsync(StreamNames.Outbound, options.GroupName) is { PendingMessageCount: > 0 } && deadline.Elapsed.TotalSeconds < expectedSeconds)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await run;

        var requests = graph.MessageRequests.ToList();
        if (requests.Count != messages)
        {
            Console.WriteLine($"   WARNING: {requests.Count} requests for {messages} messages");
        }

        var first = requests.Min(r => r.Timestamp);
        var last = requests.Max(r => r.Timestamp);

        var rates = new List<double>();
        var maxPerSecond = 0;
        var maxPerQuarter = 0;
        foreach (var group in requests.GroupBy(r => r.PhoneNumberId))
        {
            var times = group.Select(r => r.Timestamp).Order().ToList();
            maxPerSecond = Math.Max(maxPerSecond, MaxInWindow(times, TimeSpan.FromSeconds(1)));
            maxPerQuarter = Math.Max(maxPerQuarter, MaxInWindow(times, TimeSpan.FromSeconds(0.25)));
            if (times.Count > NumberBurst + 1)
            {
                // After the burst the bucket is empty: the rate from there is the sustained rate.
                rates.Add((times.Count - NumberBurst - 1) / Stopwatches.Seconds(times[NumberBurst], times[^1]));
            }
        }

        var maxPair6 = 0;
        var maxPair60 = 0;
        foreach (var pair in requests.GroupBy(r => r.PhoneNumberId + "|" + (string?)r.Json["to"]))
        {
            var times = pair.Select(r => r.Timestamp).Order().ToList();
            maxPair6 = Math.Max(maxPair6, MaxInWindow(times, PairInterval));
            maxPair60 = Math.Max(maxPair60, MaxInWindow(times, TimeSpan.FromSeconds(60)));
        }

        // GCRA with burst b and interval T lets at most b + floor(w / T) messages into any window w.
        var pairHeld = maxPair6 <= PairBurst + 1 && maxPair60 <= PairBurst + 10;
        var spacing = requests.Select(r => r.Timestamp).Order().Zip(requests.Select(r => r.Timestamp).Order().Skip(1), (a, b) => Stopwatches.Seconds(a, b) * 1000).Order().ToList();

        return new VariantResult(
            name,
            requests.Count,
            Math.Round(Stopwatches.Seconds(first, last), 2),
            rates.Count > 0 ? rates.Min() : double.NaN,
            rates.Count > 0 ? rates.Max() : double.NaN,
            maxPerSecond,
            maxPerQuarter,
            maxPair6,
            maxPair60,
            pairHeld,
            spacing.Count > 0 ? spacing[spacing.Count / 2] : 0);
    }

    private static int MaxInWindow(List<long> sortedTimestamps, TimeSpan window)
    {
        var ticks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var max = 0;
        var start = 0;
        for (var end = 0; end < sortedTimestamps.Count; end++)
        {
            while (sortedTimestamps[end] - sortedTimestamps[start] >= ticks)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}
