namespace Assistant.Admin.Security;

/// <summary>Claim types and scheme names of the admin's sign-in.</summary>
public static class AdminClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string ApiKeyId = "api_key";

    /// <summary>Picks the API key scheme when the header is present, the cookie otherwise.</summary>
    public const string Scheme = "admin";
    public const string ApiKeyScheme = "api-key";
    public const string ApiKeyHeader = "X-Api-Key";
}
