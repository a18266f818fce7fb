using Assistant.Admin.Security;

namespace Assistant.Admin.Models;

/// <summary>An admin user without the password hash.</summary>
public sealed record UserView(string Id, string DisplayName, bool AllBusinesses, IReadOnlyDictionary<string, BusinessRole> Roles, DateTimeOffset CreatedAt)
{
    public static UserView From(AdminUser user) => new(user.Id, user.DisplayName, user.AllBusinesses, user.Roles, user.CreatedAt);
}
