using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Models;
using Assistant.Admin.Services;
using Assistant.Core.Conversations;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class LiveEventsTests(AdminFixture fixture)
{
    private Task PublishAsync(string id) =>
        fixture.Service<AssistantEventPublisher>().PublishAsync(new AssistantEvent(AssistantEvent.HandoffCreated, AdminFixture.BusinessA, AdminFixture.BusinessA + ":39000", id, DateTimeOffset.UtcNow, "customer_request"));

    private async Task<string> NewestEventIdAsync()
    {
        var newest = await fixture.Db.StreamRangeAsync(AssistantEventPublisher.EventStream(AdminFixture.BusinessA), "-", "+", 1, Order.Descending).Within();
        return newest[0].Id!;
    }

    [Fact]
    public async Task The_event_stream_catches_up_from_Last_Event_ID_then_delivers_live_events()
    {
        await PublishAsync("before");
        var resumeFrom = await NewestEventIdAsync();
        await PublishAsync("missed");

        using var agent = await fixture.AgentAAsync();
        using var cancel = new CancellationTokenSource(TestTimeouts.Default);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/businesses/{AdminFixture.BusinessA}/events");
        request.Headers.Add("Last-Event-ID", resumeFrom);
        using var response = await agent.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token).Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token).Within());

        var caughtUp = await NextEventAsync(reader, cancel.Token);
        Assert.Equal(AssistantEvent.HandoffCreated, caughtUp.Type);
        Assert.Contains("\"missed\"", caughtUp.Data, StringComparison.Ordinal);
        Assert.NotEqual(resumeFrom, caughtUp.Id);

        await PublishAsync("live");
        var live = await NextEventAsync(reader, cancel.Token);
        Assert.Contains("\"live\"", live.Data, StringComparison.Ordinal);
        Assert.Equal(await NewestEventIdAsync(), live.Id);
    }

    [Fact]
    public async Task The_staff_webhook_receives_each_event_signed()
    {
        var received = new TaskCompletionSource<(string Body, string? Signature)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            received.TrySetResult((body, request.Headers[WebhookSigner.HeaderName].ToString()));
            return Results.Ok();
        });
        await receiver.StartAsync().Within();
        var url = receiver.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        using var owner = await fixture.OwnerAsync();
        using var put = await owner.PutAsJsonAsync($"/api/businesses/{AdminFixture.BusinessB}/webhook", new WebhookRequest(url, [AssistantEvent.DraftCreated], true, null)).Within();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var settings = (await put.Content.ReadFromJsonAsync<WebhookSettings>().Within())!;

        var id = Guid.NewGuid().ToString("N");
        await fixture.Service<AssistantEventPublisher>().PublishAsync(new AssistantEvent(AssistantEvent.DraftCreated, AdminFixture.BusinessB, AdminFixture.BusinessB + ":39001", id, DateTimeOffset.UtcNow)).Within();

        var (body, signature) = await received.Task.Within();
        Assert.Contains(id, body, StringComparison.Ordinal);
        Assert.Equal(WebhookSigner.Sign(System.Text.Encoding.UTF8.GetBytes(body), settings.Secret), signature);
        await receiver.StopAsync().Within();
    }

    private static async Task<(string? Id, string? Type, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? id = null, type = null, data = "";
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream closed.");
            if (line.Length == 0)
            {
                if (type is not null && type != "keepalive")
                {
                    return (id, type, data);
                }
                (id, type, data) = (null, null, "");
                continue;
            }
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data += line[6..];
            }
        }
    }
}
