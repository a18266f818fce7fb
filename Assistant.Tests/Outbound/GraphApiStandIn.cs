using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Outbound;

/// <summary>
/// A loopback stand-in for Meta's Graph API (CONTRACTS.md section 2): records every request and
/// answers scripted responses first, then success with a fresh wamid. Shared by the tests and the
/// benchmark (linked into Assistant.Bench.Sender).
/// </summary>
public sealed class GraphApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private long _wamids;

    private GraphApiStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Messages requests only (not media uploads).</summary>
    public IReadOnlyList<RecordedRequest> MessageRequests => Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();

    public static async Task<GraphApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new GraphApiStandIn(app);
        app.MapPost("/{version}/{phoneNumberId}/{edge}", standIn.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        standIn.BaseUrl = addresses.Addresses.First();
        return standIn;
    }

    /// <summary>Answers the next requests with these responses, in order; afterwards success again.</summary>
    public void Script(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public static ScriptedResponse Error(int status, int code, string message, int? subcode = null, string? details = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details };
        }

        error["fbtrace_id"] = "AbCdEf";
        return new ScriptedResponse(status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    public static ScriptedResponse Slow(TimeSpan delay) => new(200, null, delay);

    private async Task HandleAsync(HttpContext context, string version, string phoneNumberId, string edge)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body, Stopwatch.GetTimestamp(), phoneNumberId);
        Requests.Enqueue(recorded);

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(scripted.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (scripted.Body is not null)
            {
                context.Response.StatusCode = scripted.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body);
                return;
            }
        }

        context.Response.ContentType = "application/json";
        if (edge == "media")
        {
            await context.Response.WriteAsync("{\"id\":\"media-" + Interlocked.Increment(ref _wamids) + "\"}");
            return;
        }

        var json = JsonNode.Parse(body)?.AsObject();
        if (json?["status"]?.GetValue<string>() == "read")
        {
            await context.Response.WriteAsync("{\"success\":true}");
            return;
        }

        var to = json?["to"]?.GetValue<string>() ?? json?["recipient"]?.GetValue<string>() ?? "";
        var wamid = "wamid.standin." + Interlocked.Increment(ref _wamids);
        await context.Response.WriteAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid }),
        }.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ScriptedResponse(int Status, string? Body, TimeSpan Delay = default);

public sealed record RecordedRequest(string Path, string Authorization, string? ContentType, string Body, long Timestamp, string PhoneNumberId)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
