using Assistant.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Assistant.Core.WhatsApp.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// What a producer of outbound messages needs (worker, admin): <see cref="IOutboundQueue"/>,
    /// <see cref="CustomerServiceWindow"/>, <see cref="ContactPreferences"/>, <see cref="SandboxOutbox"/>,
    /// <see cref="OutboundRecordStore"/>, <see cref="HandoffRequestPublisher"/>. Needs an <c>IConnectionMultiplexer</c> (AddRedisClient).
    /// </summary>
    public static IServiceCollection AddOutboundQueue(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.SendLease > o.SendTimeout, "Outbound:SendLease must be longer than Outbound:SendTimeout.")
            .Validate(o => o.PairInterval > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero, "Outbound:PairInterval and RetryBaseDelay must be positive.")
            .Validate(o => o.ClaimInterval < o.ClaimIdleTime / 2, "Outbound:ClaimInterval must be under half of Outbound:ClaimIdleTime, or running sends lose their claim.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundRecordStore>();
        services.TryAddSingleton<OutboundQueue>();
        services.TryAddSingleton<IOutboundQueue>(sp => sp.GetRequiredService<OutboundQueue>());
        services.TryAddSingleton<CustomerServiceWindow>();
        services.TryAddSingleton<ContactPreferences>();
        services.TryAddSingleton<SandboxOutbox>();
        services.TryAddSingleton<HandoffRequestPublisher>();
        return services;
    }

    /// <summary>
    /// The typed <see cref="GraphApiClient"/> and the <see cref="IWhatsAppChannel"/> (sandbox without
    /// <c>WhatsApp:AccessToken</c>). The client has no retry handler, whatever the service defaults add:
    /// a blind retry of a POST that reached Meta would send the message twice. Only a timeout applies.
    /// </summary>
    public static IServiceCollection AddGraphApiClient(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>()
            .BindConfiguration(WhatsAppOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // RemoveAllResilienceHandlers is marked for evaluation; it is the documented way to drop the
        // standard handler that ConfigureHttpClientDefaults adds to every client.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<GraphApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("graph-api-send", (pipeline, context) =>
            {
                var timeout = context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value.SendTimeout;
                pipeline.AddTimeout(timeout);
            });

        services.TryAddSingleton<SandboxChannel>();
        services.TryAddTransient<IWhatsAppChannel>(sp =>
            sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.IsSandbox
                ? sp.GetRequiredService<SandboxChannel>()
                : sp.GetRequiredService<GraphApiClient>());
        return services;
    }
}
