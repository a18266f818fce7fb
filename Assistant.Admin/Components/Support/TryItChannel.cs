using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Admin.Components.Support;

/// <summary>
/// "Try it": the console plays a customer. It posts the body Meta would post, signed with the app
/// secret, to the webhook service, so the message takes the whole real path (signature check,
/// routing, queue, worker, sandbox send); the replies are read back from the sandbox outbox.
/// </summary>
public sealed class TryItChannel(IHttpClientFactory httpClients, IConfiguration configuration, SandboxOutbox outbox, ConversationStore conversations, TimeProvider time)
{
    public const string HttpClientName = "console.webhook";

    /// <summary><c>Admin:WebhookUrl</c>, else the webhook's address from Aspire service discovery.</summary>
    public Uri? WebhookUrl =>
        new[] { configuration["Admin:WebhookUrl"], configuration["services:webhook:https:0"], configuration["services:webhook:http:0"] }
            .Select(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is not null);

    private string? AppSecret => configuration["WhatsApp:AppSecret"] is { Length: > 0 } secret ? secret : null;

    public bool IsAvailable => WebhookUrl is not null && AppSecret is not null;

    /// <summary>True when the webhook answers its health check.</summary>
    public async Task<bool> IsWebhookReachableAsync(CancellationToken cancellationToken)
    {
        if (WebhookUrl is not { } url)
        {
            return false;
        }
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri(url, "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Posts one text message from the test customer; true when the webhook accepted it (200).</summary>
    public async Task<bool> SendAsync(BusinessProfile business, TryItCustomer customer, string text, CancellationToken cancellationToken)
    {
        if (WebhookUrl is not { } url || AppSecret is not { } secret)
        {
            return false;
        }
        var bytes = Encoding.UTF8.GetBytes(Body(business, customer, text).ToJsonString());
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/webhook")) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>What the sandbox delivered to the test customer, oldest first, with the bot's reasons when the thread has them.</summary>
    public async Task<IReadOnlyList<TryItReply>> ReadRepliesAsync(string businessId, TryItCustomer customer)
    {
        var key = customer.ConversationKey(businessId);
        var deliveries = await outbox.ReadAsync(businessId, key, 200);
        var lines = (await conversations.GetMessagesAsync(key, 200))
            .Where(m => m.OutboundId is not null)
            .GroupBy(m => m.OutboundId!)
            .ToDictionary(g => g.Key, g => g.Last());
        return deliveries
            .Where(d => d.Message.Kind == OutboundKind.Text && d.Message.Text is not null)
            .Select(d => new TryItReply(d.Message.Id, d.Message.Text!.Body, d.DeliveredAt, lines.GetValueOrDefault(d.Message.Id)))
            .ToList();
    }

    private JsonObject Body(BusinessProfile business, TryItCustomer customer, string text) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "console-try-it",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject
                    {
                        ["display_phone_number"] = new string((business.DisplayPhoneNumber ?? "").Where(char.IsDigit).ToArray()),
                        ["phone_number_id"] = business.PhoneNumberId,
                    },
                    ["contacts"] = new JsonArray(new JsonObject
                    {
                        ["profile"] = new JsonObject { ["name"] = customer.Name },
                        ["wa_id"] = customer.Phone,
                    }),
                    ["messages"] = new JsonArray(new JsonObject
                    {
                        ["from"] = customer.Phone,
                        ["id"] = $"wamid.console.{Guid.NewGuid():N}",
                        ["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["type"] = "text",
                        ["text"] = new JsonObject { ["body"] = text },
                    }),
                },
            }),
        }),
    };
}
