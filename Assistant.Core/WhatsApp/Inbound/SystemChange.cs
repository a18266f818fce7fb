namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A system message: the user changed number, or their identity (security code) changed.</summary>
public sealed record SystemChange
{
    /// <summary><c>user_changed_number</c>, <c>customer_identity_changed</c> or whatever Meta sent.</summary>
    public string? Type { get; init; }

    public string? Body { get; init; }

    /// <summary>user_changed_number: the new phone. Meta has used both <c>wa_id</c> and <c>new_wa_id</c>.</summary>
    public string? NewWaId { get; init; }

    /// <summary>customer_identity_changed: the new identity hash.</summary>
    public string? IdentityHash { get; init; }
}
