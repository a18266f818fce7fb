using System.Net.Http.Headers;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Tests.Infrastructure;
using Assistant.Webhook.Ingest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StackExchange.Redis;

namespace Assistant.Tests.Inbound;

/// <summary>
/// The real webhook app, in process (TestServer), configured the way CONTRACTS.md section 1 says
/// (connection string, app secret, verify token, packs path) and pointed at a test Redis. A pack
/// claims <see cref="Payloads.PhoneNumberId"/> for business <see cref="BusinessId"/>.
/// </summary>
public sealed class WebhookTestHost : WebApplicationFactory<WebhookIngestor>
{
    public const string Secret = "test-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string BusinessId = "studio-test";

    private readonly string _redis;
    private readonly string _packs;

    public WebhookTestHost(string redisConnectionString)
    {
        _redis = redisConnectionString;
        _packs = Directory.CreateTempSubdirectory("assistant-packs-").FullName;
        var pack = Directory.CreateDirectory(Path.Combine(_packs, BusinessId)).FullName;
        File.WriteAllText(Path.Combine(pack, "business.json"), $$$"""
            {"id":"{{{BusinessId}}}","name":"Studio Test","phoneNumberId":"{{{Payloads.PhoneNumberId}}}","timezone":"Europe/Rome","languages":["it","en"]}
            """);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:redis", _redis);
        builder.UseSetting("WhatsApp:AppSecret", Secret);
        builder.UseSetting("WhatsApp:VerifyToken", VerifyToken);
        builder.UseSetting("Assistant:PacksPath", _packs);
    }

    public async Task<HttpResponseMessage> PostAsync(string json, string? signature = "sign", string secret = Secret)
    {
        var bytes = Payloads.Utf8(json);
        return await PostBytesAsync(bytes, signature == "sign" ? SignatureVerifier.Sign(bytes, secret) : signature);
    }

    public async Task<HttpResponseMessage> PostBytesAsync(byte[] bytes, string? signature)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureVerifier.HeaderName, signature);
        }
        return await CreateClient().SendAsync(request).Within();
    }

    /// <summary>Entries of <paramref name="stream"/> whose event mentions <paramref name="id"/>.</summary>
    public static async Task<StreamEntry[]> EntriesAsync(IDatabase db, string stream, string id)
    {
        var all = await db.StreamRangeAsync(stream).Within();
        return all.Where(e => ((string?)e[InboundStreamFields.Event] ?? string.Empty).Contains(id, StringComparison.Ordinal)).ToArray();
    }

    public static Task<StreamEntry[]> InboundAsync(IDatabase db, string id) => EntriesAsync(db, StreamNames.Inbound, id);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_packs, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }
}
