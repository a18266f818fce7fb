namespace Assistant.Admin.Security;

/// <summary>A person who signs in to the admin. <see cref="Id"/> is the lower-cased e-mail (the user name).</summary>
public sealed record AdminUser
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary><c>PasswordHasher&lt;AdminUser&gt;</c> output; never leaves the server.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Owner of every business, present and future (the first owner).</summary>
    public bool AllBusinesses { get; init; }

    /// <summary>Role per business id.</summary>
    public IReadOnlyDictionary<string, BusinessRole> Roles { get; init; } = new Dictionary<string, BusinessRole>();

    public DateTimeOffset CreatedAt { get; init; }

    public BusinessRole? RoleIn(string businessId) =>
        AllBusinesses ? BusinessRole.Owner : Roles.TryGetValue(businessId, out var role) ? role : null;

    public bool CanSee(string businessId) => RoleIn(businessId) is not null;

    public bool IsOwnerOf(string businessId) => RoleIn(businessId) == BusinessRole.Owner;

    public static string NormalizeId(string email) => email.Trim().ToLowerInvariant();
}
