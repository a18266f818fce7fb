namespace Assistant.Admin.Security;

/// <summary>An API key for automation: it acts as the owner who created it. Only its SHA-256 is stored.</summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The user the key acts as.</summary>
    public required string UserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first characters of the key, so a person can tell keys apart.</summary>
    public required string Prefix { get; init; }
}
