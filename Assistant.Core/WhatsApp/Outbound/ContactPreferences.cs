using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Who asked not to be contacted: a contact (phone or BSUID) in <c>optout:{businessId}</c> never
/// receives proactive messages from that business; replies to their own messages still go out.
/// </summary>
public sealed class ContactPreferences(IConnectionMultiplexer redis)
{
    public static string Key(string businessId) => "optout:" + businessId;

    public Task MarkOptedOutAsync(string businessId, string contact) => redis.GetDatabase().SetAddAsync(Key(businessId), contact);

    public Task ClearOptOutAsync(string businessId, string contact) => redis.GetDatabase().SetRemoveAsync(Key(businessId), contact);

    /// <summary>True if any of the contact's identifiers (phone, BSUID) opted out.</summary>
    public async Task<bool> IsOptedOutAsync(string businessId, params string?[] contacts)
    {
        var values = contacts.Where(c => !string.IsNullOrEmpty(c)).Select(c => (RedisValue)c).ToArray();
        if (values.Length == 0)
        {
            return false;
        }

        var found = await redis.GetDatabase().SetContainsAsync(Key(businessId), values);
        return found.Any(f => f);
    }
}
