using Assistant.Admin.Security;
using Assistant.Core.Businesses;
using Microsoft.AspNetCore.Components.Authorization;

namespace Assistant.Admin.Components.Support;

/// <summary>
/// The signed-in user of one circuit, the businesses they see and their language. The user is
/// read again from Redis on every page, so a removed role takes effect at the next navigation.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, UserStore users, BusinessDirectory directory)
{
    public AdminUser? User { get; private set; }

    public AdminCaller? Caller => User is null ? null : new AdminCaller(User, null);

    public IReadOnlyList<BusinessProfile> Businesses { get; private set; } = [];

    public ConsoleText Text { get; private set; } = ConsoleText.For(null);

    public void UseLanguage(string? language) => Text = ConsoleText.For(language);

    /// <summary>Loads the user and their businesses; false when the sign-in is no longer valid.</summary>
    public async Task<bool> RefreshAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var id = state.User.FindFirst(AdminClaims.UserId)?.Value;
        User = id is null ? null : await users.GetAsync(id);
        Businesses = User is null
            ? []
            : (await directory.ListAsync()).Where(b => User.CanSee(b.Id)).OrderBy(b => b.Name, StringComparer.CurrentCulture).ToList();
        return User is not null;
    }

    public BusinessProfile? Find(string? businessId) => Businesses.FirstOrDefault(b => b.Id == businessId);

    public bool IsOwnerOf(string businessId) => User?.IsOwnerOf(businessId) == true;
}
