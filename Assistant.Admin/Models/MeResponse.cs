using Assistant.Admin.Security;

namespace Assistant.Admin.Models;

/// <summary>The signed-in user as the console sees it.</summary>
public sealed record MeResponse(string Id, string DisplayName, bool AllBusinesses, IReadOnlyDictionary<string, BusinessRole> Roles, bool ViaApiKey);
