using Assistant.Admin.Security;

namespace Assistant.Admin.Models;

/// <summary>A new API key: <see cref="Key"/> is shown this once and stored only hashed.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);
