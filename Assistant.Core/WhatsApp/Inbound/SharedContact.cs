namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A contact card the user shared (<c>type: contacts</c>).</summary>
public sealed record SharedContact
{
    public string? FormattedName { get; init; }

    public IReadOnlyList<SharedContactPhone> Phones { get; init; } = [];

    public IReadOnlyList<string> Emails { get; init; } = [];
}
