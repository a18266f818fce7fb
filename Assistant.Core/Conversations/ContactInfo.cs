using Assistant.Core.WhatsApp.Inbound;

namespace Assistant.Core.Conversations;

/// <summary>
/// What we know of the customer. <see cref="WaId"/> is the phone (absent for a user with a
/// username only); <see cref="UserId"/> is the business-scoped user id (BSUID).
/// </summary>
public sealed record ContactInfo(string? WaId, string? UserId, string? Name, string? Username = null)
{
    /// <summary>The id a conversation is keyed on: the BSUID when known (stable across number changes), else the phone.</summary>
    public string StableId => UserId ?? WaId ?? throw new InvalidOperationException("A contact needs a wa_id or a user_id.");

    /// <summary>The contact as the webhook identified it.</summary>
    public static ContactInfo From(ContactIdentity identity) => new(identity.WaId, identity.UserId, identity.Name, identity.Username);
}
