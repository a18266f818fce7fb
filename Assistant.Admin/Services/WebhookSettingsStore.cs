using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Admin.Services;

/// <summary>Webhook settings per business in <c>biz:{id}:webhook</c>.</summary>
public sealed class WebhookSettingsStore(IConnectionMultiplexer redis)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(string businessId) => $"biz:{businessId}:webhook";

    public async Task<WebhookSettings?> GetAsync(string businessId)
    {
        var json = await redis.GetDatabase().StringGetAsync(Key(businessId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<WebhookSettings>(json.ToString(), Json);
    }

    public Task SaveAsync(string businessId, WebhookSettings settings) =>
        redis.GetDatabase().StringSetAsync(Key(businessId), JsonSerializer.Serialize(settings, Json));

    public Task<bool> DeleteAsync(string businessId) => redis.GetDatabase().KeyDeleteAsync(Key(businessId));
}
