using Assistant.Core.Businesses;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Worker.Sending;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class OutboundSenderExtensions
{
    /// <summary>
    /// The outbound sender: consumes <c>wa:outbound</c> and <c>wa:statuses</c>, delivers through the
    /// Graph API (or the sandbox without <c>WhatsApp:AccessToken</c>). Needs the Redis client registered.
    /// Registers the <see cref="BusinessDirectory"/> (for the business's re-engagement template) if the
    /// host has not, but not the pack import: that stays with AddBusinessDirectory.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundSender(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOutboundQueue();
        services.AddGraphApiClient();
        services.AddMetrics();
        services.TryAddSingleton<BusinessDirectory>();
        services.TryAddSingleton<SendPacer>();
        services.TryAddSingleton<SenderMetrics>();
        services.TryAddSingleton<OutboundFailureHandler>();
        services.TryAddSingleton<OutboundDispatcher>();
        services.TryAddSingleton<DeliveryStatusHandler>();
        services.AddHostedService<OutboundSenderService>();
        services.AddHostedService<DeliveryStatusService>();
        return builder;
    }
}
