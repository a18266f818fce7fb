using Assistant.Admin;
using Assistant.Admin.Audit;
using Assistant.Admin.Background;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Assistant.Core.Conversations;
using Assistant.Core.Knowledge;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.AspNetCore.Identity;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The admin must come up (and answer 401s, health) while Redis is still starting.
        builder.AddRedisClient("redis", configureOptions: redis => redis.AbortOnConnectFail = false);
        services.AddBusinessDirectory();
        services.AddOutboundQueue();
        services.AddConversationControl();
        builder.AddKnowledge();

        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHttpClient(WebhookNotifier.HttpClientName);
        services.AddSingleton<IPasswordHasher<AdminUser>, PasswordHasher<AdminUser>>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConversationBrowser>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<PrivacyService>();
        services.AddSingleton<FiguresCalculator>();
        services.AddSingleton<LiveEventReader>();
        services.AddSingleton<WebhookSettingsStore>();
        services.AddSingleton<BusinessPackService>();

        services.AddHostedService<InitialOwnerSeeder>();
        services.AddHostedService<PackContentSeeder>();
        services.AddHostedService<HandoffRequestConsumer>();
        services.AddSingletonHostedService<KnowledgeIngestionQueue>();
        services.AddSingletonHostedService<IdleReleaseService>();
        services.AddSingletonHostedService<DraftEscalationService>();
        services.AddSingletonHostedService<RetentionService>();
        services.AddSingletonHostedService<WebhookNotifier>();

        builder.AddAdminAuthentication();
    }

    /// <summary>One instance that runs in the background and that other services (and tests) can call.</summary>
    private static void AddSingletonHostedService<T>(this IServiceCollection services) where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
