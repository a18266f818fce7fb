namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// Who wrote: the phone (<c>wa_id</c>) and/or the business-scoped user id (<c>user_id</c>, BSUID).
/// A user with a username may have no phone at all, so either may be missing (CONTRACTS.md section 2).
/// </summary>
public sealed record ContactIdentity
{
    /// <summary>Phone number in international format without <c>+</c>, when WhatsApp shares it.</summary>
    public string? WaId { get; init; }

    /// <summary>Business-scoped user id (BSUID).</summary>
    public string? UserId { get; init; }

    /// <summary>The BSUID at the level of the parent business portfolio, when present.</summary>
    public string? ParentUserId { get; init; }

    /// <summary><c>profile.name</c>: the name the user set, not verified.</summary>
    public string? Name { get; init; }

    /// <summary><c>profile.username</c>.</summary>
    public string? Username { get; init; }

    /// <summary>The id a conversation is keyed on: the BSUID when present, else the phone (empty when Meta sent neither).</summary>
    public string Key => UserId ?? WaId ?? string.Empty;

    /// <summary>Where a reply goes: the phone when known, else the BSUID (CONTRACTS.md section 2).</summary>
    public string? ReplyTo => WaId ?? UserId;

    public static readonly ContactIdentity Unknown = new();
}
