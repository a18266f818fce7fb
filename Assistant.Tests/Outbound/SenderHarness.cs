using Assistant.Core.Businesses;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Assistant.Worker.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Assistant.Tests.Outbound;

/// <summary>
/// The sender wired as <c>AddOutboundSender</c> wires it, against a real Redis and the Graph API
/// stand-in, with short test timings. Consumers are created by hand so a test can stop one
/// ("crash") and start another.
/// </summary>
public sealed class SenderHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<(RedisStreamConsumer Consumer, CancellationTokenSource Stop, Task Run)> _running = [];

    private SenderHarness(IHost host, RedisServer redis, GraphApiStandIn graph)
    {
        _host = host;
        Redis = redis;
        Graph = graph;
    }

    public RedisServer Redis { get; }

    public GraphApiStandIn Graph { get; }

    public IServiceProvider Services => _host.Services;

    public IDatabase Database => Redis.Database;

    public IOutboundQueue Queue => Services.GetRequiredService<IOutboundQueue>();

    public OutboundRecordStore Records => Services.GetRequiredService<OutboundRecordStore>();

    public static async Task<SenderHarness> StartAsync(Dictionary<string, string?>? settings = null, bool sandbox = false, TimeProvider? timeProvider = null)
    {
        var redis = await RedisServer.StartAsync().Within();
        var graph = await GraphApiStandIn.StartAsync().Within();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = sandbox ? null : "test-token",
            ["WhatsApp:GraphApiBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:GraphApiVersion"] = "v25.0",
            ["Outbound:RetryBaseDelay"] = "00:00:00.020",
            ["Outbound:RetryMaxDelay"] = "00:00:00.100",
            // Room for a cold first call on a busy machine; the stand-in stalls 3 s in the timeout test.
            ["Outbound:SendTimeout"] = "00:00:01.500",
            ["Outbound:SendLease"] = "00:00:02.500",
            ["Outbound:UnknownOutcomeGrace"] = "00:00:01",
            ["Outbound:ClaimIdleTime"] = "00:00:00.300",
            ["Outbound:ClaimInterval"] = "00:00:00.100",
            ["Outbound:PairInterval"] = "00:00:00.200",
            ["Outbound:PairBurst"] = "4",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddOutboundSender();

        // The hosted services are not started: tests run consumers themselves.
        var host = builder.Build();
        return new SenderHarness(host, redis, graph);
    }

    /// <summary>Puts the business of <see cref="Text"/> (<c>biz-1</c> on <c>1000001</c>) in the directory the sender reads.</summary>
    public Task UpsertBusinessAsync(ReEngagementTemplate? reEngagementTemplate = null) =>
        Services.GetRequiredService<BusinessDirectory>().UpsertAsync(new BusinessProfile
        {
            Id = "biz-1",
            Name = "Biz 1",
            PhoneNumberId = "1000001",
            Timezone = "Europe/Rome",
            Languages = ["it"],
            ReEngagementTemplate = reEngagementTemplate,
        }).Within();

    /// <summary>A new dispatcher (as a new process would have) consuming <c>wa:outbound</c> until stopped.</summary>
    public (OutboundDispatcher Dispatcher, CancellationTokenSource Stop) StartSender(string consumerName, Action<OutboundDispatcher>? configure = null)
    {
        var dispatcher = ActivatorUtilities.CreateInstance<OutboundDispatcher>(Services);
        configure?.Invoke(dispatcher);
        var options = OutboundSenderService.ConsumerOptions(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboundOptions>>().Value);
        options.ConsumerName = consumerName;
        Start(options, dispatcher.HandleAsync, out var stop);
        return (dispatcher, stop);
    }

    public CancellationTokenSource StartStatuses()
    {
        var handler = Services.GetRequiredService<DeliveryStatusHandler>();
        var options = DeliveryStatusService.ConsumerOptions(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboundOptions>>().Value);
        options.ConsumerName = "statuses-" + Guid.NewGuid().ToString("N");
        Start(options, handler.HandleAsync, out var stop);
        return stop;
    }

    /// <summary>Stops a consumer and waits for it (its unacked entries stay pending, as after a crash).</summary>
    public async Task StopAsync(CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        foreach (var running in _running.Where(r => r.Stop == stop))
        {
            await running.Run.Within();
        }
    }

    /// <summary>Writes a status entry as the webhook does: its kind and the record as JSON.</summary>
    public async Task<string> AddStatusAsync(DeliveryStatus status) =>
        (string)(await Database.StreamAddAsync(StreamNames.Statuses, [
            new NameValueEntry(InboundStreamFields.Kind, InboundStreamFields.KindStatus),
            new NameValueEntry(InboundStreamFields.Event, DeliveryStatus.Serialize(status)),
        ]))!;

    /// <summary>True once the group has read up to <paramref name="lastId"/> and acked everything.</summary>
    public async Task<bool> ConsumedAsync(string stream, string lastId, string group = "sender")
    {
        if (!await Database.KeyExistsAsync(stream))
        {
            return false;
        }

        var info = (await Database.StreamGroupInfoAsync(stream)).FirstOrDefault(g => g.Name == group);
        return info.Name is not null && info.LastDeliveredId == lastId && info.PendingMessageCount == 0;
    }

    public async Task<long> PendingAsync(string stream = StreamNames.Outbound, string group = "sender")
    {
        var info = await Database.StreamPendingAsync(stream, group);
        return info.PendingMessageCount;
    }

    public static OutboundMessage Text(string body, string to = "393331234567", string? id = null, bool proactive = false, string conversation = "conv-1") => new()
    {
        Id = id ?? OutboundMessage.NewId(),
        BusinessId = "biz-1",
        PhoneNumberId = "1000001",
        ConversationKey = conversation,
        To = to,
        Kind = OutboundKind.Text,
        Text = new OutboundText(body),
        CreatedAt = DateTimeOffset.UtcNow,
        IsProactive = proactive,
    };

    /// <summary>A status as the webhook records it for a message sent to <paramref name="to"/>.</summary>
    public static DeliveryStatus Status(string wamid, DeliveryState state, long unixSeconds, string? callbackData = null, IReadOnlyList<WhatsAppError>? errors = null, string to = "393331234567") => new()
    {
        Id = wamid,
        BusinessId = "biz-1",
        PhoneNumberId = "1000001",
        Status = state,
        RawStatus = state.ToString().ToLowerInvariant(),
        RecipientId = to,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(unixSeconds),
        Errors = errors,
        BizOpaqueCallbackData = callbackData,
        ReceivedAt = DateTimeOffset.UtcNow,
    };

    public static OutboundMessage Buttons(string body, string to = "393331234567") => Text(body, to) with
    {
        Kind = OutboundKind.Buttons,
        Text = null,
        Buttons = new OutboundButtons(body, [new OutboundButton("yes", "Yes"), new OutboundButton("no", "No")]),
    };

    /// <summary>Polls until <paramref name="condition"/> holds, failing after the default test timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestTimeouts.Default);
        while (!await condition().Within())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting: " + because);
            }

            await Task.Delay(20);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        EventuallyAsync(() => Task.FromResult(condition()), because, timeout);

    private void Start(StreamConsumerOptions options, Func<StreamEntry, CancellationToken, Task> handler, out CancellationTokenSource stop)
    {
        stop = new CancellationTokenSource();
        var consumer = new RedisStreamConsumer(Redis.Connection, options, handler, NullLogger.Instance, TimeProvider.System);
        var run = consumer.RunAsync(stop.Token);
        _running.Add((consumer, stop, run));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, stop, run) in _running)
        {
            await stop.CancelAsync();
            try
            {
                await run.WaitAsync(TestTimeouts.Default);
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }
        }

        _host.Dispose();
        await Graph.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
