using Microsoft.Extensions.Options;

namespace Assistant.Admin.Security;

/// <summary>
/// Creates the first owner (<c>Admin:InitialOwnerEmail</c>, <c>Admin:InitialOwnerPassword</c>) with
/// access to every business, once: an existing user of that name is left as it is, so a password
/// changed later is never reset by a restart.
/// </summary>
public sealed partial class InitialOwnerSeeder(UserStore users, IOptions<AdminOptions> options, ILogger<InitialOwnerSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.InitialOwnerPassword))
        {
            if ((await users.ListAsync()).Count == 0)
            {
                LogNoOwner(logger);
            }
            return;
        }
        var created = await users.CreateAsync(settings.InitialOwnerEmail, "Owner", settings.InitialOwnerPassword, allBusinesses: true, new Dictionary<string, BusinessRole>());
        if (created is not null)
        {
            LogCreated(logger, created.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first owner {UserId}")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin user exists and Admin:InitialOwnerPassword is not set: nobody can sign in")]
    private static partial void LogNoOwner(ILogger logger);
}
