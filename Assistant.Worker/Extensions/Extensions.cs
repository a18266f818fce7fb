using Assistant.Core.Conversations;
using Assistant.Core.Knowledge;
using Assistant.Core.Llm;
using Microsoft.Extensions.AI;
using Assistant.Worker.Conversations;
using Assistant.Worker.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.Services.AddBusinessDirectory();
        builder.Services.AddConversationControl();
        builder.AddLlmChain();
        builder.AddKnowledge();
        builder.AddOutboundSender();
        builder.AddInboundPipeline();
    }

    /// <summary>The customer-facing pipeline: consume, order, debounce, classify, route, answer.</summary>
    private static void AddInboundPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InboundOptions>()
            .BindConfiguration(InboundOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessPackCatalog>();
        services.AddSingleton<BusinessContextProvider>();
        services.AddSingleton<ConversationTurnGate>();
        services.AddSingleton(sp => new IntentSecondOpinion(
            sp.GetKeyedService<IChatClient>(LlmServiceKeys.ChatClient), sp.GetRequiredService<ILogger<IntentSecondOpinion>>()));
        services.AddSingleton<IntentRouter>();
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton<ConversationResponder>();
        services.AddSingleton<WarmupState>();
        services.AddHealthChecks().AddCheck<WarmupState>("warmup");
        services.AddHostedService<WorkerWarmup>();
        services.AddHostedService<InboundConsumerService>();
        if (services.Any(d => d.ServiceType == typeof(LlmProviderStatusBoard)))
        {
            services.AddHostedService<LlmStatusPublisher>();
        }
    }
}
