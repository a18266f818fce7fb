using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The conversation, hand-off and draft stores and the live event publisher (needs an IConnectionMultiplexer).</summary>
    public static IServiceCollection AddConversationStores(this IServiceCollection services)
    {
        services.AddOptions<ConversationStoreOptions>()
            .BindConfiguration(ConversationStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationStore>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<DraftStore>();
        services.TryAddSingleton<AssistantEventPublisher>();
        return services;
    }

    /// <summary>
    /// <see cref="ConversationControl"/> (take-over, release, echo pause, agent replies) and the
    /// <see cref="BusinessCustomizationStore"/>; needs the stores above, AddOutboundQueue and AddBusinessDirectory.
    /// </summary>
    public static IServiceCollection AddConversationControl(this IServiceCollection services)
    {
        services.AddConversationStores();
        services.TryAddSingleton<ConversationControl>();
        services.TryAddSingleton<Businesses.BusinessCustomizationStore>();
        services.TryAddSingleton<Businesses.KnowledgeFileStore>();
        return services;
    }
}
