using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Llm;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 that speaks an LLM provider's real HTTP protocol and answers
/// from a script (then <see cref="DefaultAnswer"/>), recording every request.
/// </summary>
public abstract class LoopbackLlmServer : IAsyncDisposable
{
    // A hang is bounded so that a broken test cannot keep the server's shutdown waiting forever.
    private static readonly TimeSpan MaxHang = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<StandInReply> _script = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    public string DefaultAnswer { get; set; } = "Siamo aperti dal lunedì al venerdì, 9:00-18:00.";

    /// <summary>Root URL of the server.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    protected abstract string ChatPathSuffix { get; }

    public void Enqueue(params StandInReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>The next request to arrive (or one that arrived already and was not awaited yet).</summary>
    public Task<RecordedRequest> NextRequestAsync() => _arrivals.Reader.ReadAsync().AsTask().Within();

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/{**path}", HandleAsync);
        await _app.StartAsync().Within(TestTimeouts.Startup);

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseUri = new Uri(address);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault(), body);
        _requests.Enqueue(request);
        _arrivals.Writer.TryWrite(request);

        if (!request.Path.EndsWith(ChatPathSuffix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var reply = _script.TryDequeue(out var scripted) ? scripted : StandInReply.Answer(DefaultAnswer);
        switch (reply.Kind)
        {
            case StandInReplyKind.Status:
                context.Response.StatusCode = reply.StatusCode;
                if (reply.RetryAfterSeconds is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, reply.StatusCode);
                break;
            case StandInReplyKind.Hang:
                try
                {
                    await Task.Delay(MaxHang, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is what the test wants.
                }

                break;
            case StandInReplyKind.Malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("<html><body>Bad gateway</body></html>{\"choices\":", context.RequestAborted);
                break;
            default:
                using (var json = JsonDocument.Parse(body))
                {
                    await WriteAnswerAsync(context, json.RootElement, reply.Text);
                }

                break;
        }
    }

    protected abstract Task WriteAnswerAsync(HttpContext context, JsonElement request, string answer);

    protected abstract Task WriteErrorAsync(HttpContext context, int statusCode);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().Within();
            await _app.DisposeAsync().AsTask().Within();
        }

        GC.SuppressFinalize(this);
    }
}
