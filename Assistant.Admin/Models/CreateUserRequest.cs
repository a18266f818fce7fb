using Assistant.Admin.Security;

namespace Assistant.Admin.Models;

/// <summary>A new admin user with roles per business.</summary>
public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyDictionary<string, BusinessRole>? Roles, bool AllBusinesses = false);
