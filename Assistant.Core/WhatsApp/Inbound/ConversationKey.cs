namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The one place that decides how a conversation is keyed: business id + ":" + (BSUID, else phone).</summary>
public static class ConversationKey
{
    public static string For(string businessId, ContactIdentity identity) => businessId + ":" + identity.Key;
}
