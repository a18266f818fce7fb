namespace Assistant.Core.Conversations;

/// <summary>
/// The customers the admin console's "Try it" plays: phone numbers starting 39 000, a range no
/// Italian number uses, so that a business's own tests stay out of its figures.
/// </summary>
public static class ConsoleTestContact
{
    public const string PhonePrefix = "39000";

    /// <summary>True for a conversation key (<c>{businessId}:{contact}</c>) of a console test customer.</summary>
    public static bool IsTestConversation(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var separator = conversationKey.IndexOf(':', StringComparison.Ordinal);
        return separator >= 0 && conversationKey.AsSpan(separator + 1).StartsWith(PhonePrefix, StringComparison.Ordinal);
    }
}
