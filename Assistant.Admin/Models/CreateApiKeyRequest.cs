namespace Assistant.Admin.Models;

/// <summary>Names a new API key.</summary>
public sealed record CreateApiKeyRequest(string Name);
