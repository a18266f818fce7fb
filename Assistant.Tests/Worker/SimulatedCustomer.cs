using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>
/// A customer of the demo dental clinic writing on WhatsApp: posts Meta-shaped, signed webhook
/// bodies to the running webhook and reads what the sandbox channel delivered back to them.
/// </summary>
public sealed class SimulatedCustomer(HttpClient webhook, IConnectionMultiplexer redis, string phone, string name = "Giulia Bianchi")
{
    public const string BusinessId = "studio-dentistico-aurora";
    public const string PhoneNumberId = "100000000000001";

    private int _sequence;

    public string Phone => phone;

    public string ConversationKey => $"{BusinessId}:{phone}";

    /// <summary>Sends one text; returns the message's wamid.</summary>
    public async Task<string> SendTextAsync(string text, string? id = null)
    {
        var wamid = id ?? $"wamid.test.{phone}.{Interlocked.Increment(ref _sequence)}.{Guid.NewGuid():N}";
        var body = Envelope($$$"""
            "messages":[{"from":"{{{phone}}}","id":"{{{wamid}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"text","text":{"body":{{{JsonSerializer.Serialize(text)}}}}}]
            """);
        await PostAsync(body);
        return wamid;
    }

    /// <summary>Sends a voice note (no text at all).</summary>
    public async Task<string> SendVoiceNoteAsync()
    {
        var wamid = $"wamid.test.{phone}.voice.{Guid.NewGuid():N}";
        await PostAsync(Envelope($$$"""
            "messages":[{"from":"{{{phone}}}","id":"{{{wamid}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"audio","audio":{"id":"media-{{{Guid.NewGuid():N}}}","mime_type":"audio/ogg; codecs=opus","voice":true}}]
            """));
        return wamid;
    }

    public async Task PostAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhook", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppHostArguments.AppSecret), bytes)));
        using var response = await webhook.SendAsync(request).Within();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The text replies the customer has received so far (mark-as-read receipts are not messages).</summary>
    public async Task<IReadOnlyList<string>> RepliesAsync()
    {
        var outbox = new SandboxOutbox(redis, TimeProvider.System);
        var deliveries = await outbox.ReadAsync(BusinessId, ConversationKey, 1000).Within();
        return deliveries.Where(d => d.Message.Kind == OutboundKind.Text).Select(d => d.Message.Text!.Body).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> replies arrived; returns them all.</summary>
    public async Task<IReadOnlyList<string>> WaitForRepliesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var replies = await RepliesAsync();
            if (replies.Count >= count)
            {
                return replies;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} replies for {ConversationKey}, got {replies.Count}: {string.Join(" | ", replies)}");
            }
            await Task.Delay(100);
        }
    }

    private string Envelope(string messages) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp",
          "metadata":{"display_phone_number":"390248517730","phone_number_id":"{{{PhoneNumberId}}}"},
          "contacts":[{"profile":{"name":"{{{name}}}"},"wa_id":"{{{phone}}}"}],
          {{{messages}}}
        }}]}]}
        """;
}
