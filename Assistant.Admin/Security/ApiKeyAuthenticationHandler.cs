using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Security;

/// <summary>Authenticates <c>X-Api-Key</c>: the caller becomes the user who created the key, with that user's current access.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    UserStore users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminClaims.ApiKeyHeader, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }
        var record = await keys.FindAsync(values[0]!);
        if (record is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }
        var user = await users.GetAsync(record.UserId);
        if (user is null)
        {
            return AuthenticateResult.Fail("The API key's user no longer exists.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(AdminClaims.UserId, user.Id), new Claim(AdminClaims.Name, user.DisplayName), new Claim(AdminClaims.ApiKeyId, record.Id)],
            Scheme.Name, AdminClaims.Name, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
