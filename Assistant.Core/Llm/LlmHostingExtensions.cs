using Assistant.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class LlmHostingExtensions
{
    /// <summary>
    /// Registers the LLM fallback chain as the keyed singleton <see cref="IChatClient"/>
    /// <see cref="LlmServiceKeys.ChatClient"/>, with <see cref="LlmProviderStatusBoard"/> and
    /// <see cref="LlmMetrics"/>, when <c>Llm:Providers</c> has entries (validated on start). With none,
    /// nothing is registered: callers resolve no <see cref="IChatClient"/> and answer without an LLM.
    /// <see cref="ConversationSummarizer"/> is registered either way.
    /// </summary>
    public static IHostApplicationBuilder AddLlmChain(this IHostApplicationBuilder builder)
    {
        // Resolved lazily: the chain below may or may not be registered.
        builder.Services.TryAddSingleton(sp => new ConversationSummarizer(
            sp.GetKeyedService<IChatClient>(LlmServiceKeys.ChatClient),
            sp.GetService<ILogger<ConversationSummarizer>>()));

        var providers = builder.Configuration.GetSection($"{LlmOptions.SectionName}:Providers");
        if (!providers.GetChildren().Any())
        {
            return builder;
        }

        builder.Services.AddOptions<LlmOptions>()
            .BindConfiguration(LlmOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                var ollamaEndpoint = OllamaConnectionString.GetEndpoint(configuration.GetConnectionString(OllamaConnectionString.Name));
                foreach (var provider in options.Providers)
                {
                    if (LlmProviderKinds.IsOllama(provider.Kind) && string.IsNullOrWhiteSpace(provider.Endpoint))
                    {
                        provider.Endpoint = ollamaEndpoint;
                    }
                }
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Filled from the options, so the admin lists every provider before the chain's first call.
        builder.Services.TryAddSingleton(sp => LlmProviderStatusBoard.For(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        builder.Services.TryAddSingleton<LlmMetrics>();
        builder.Services.TryAddSingleton(sp => FallbackChatClient.Create(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<LlmProviderStatusBoard>(),
            sp.GetRequiredService<LlmMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<FallbackChatClient>>()));
        builder.Services.AddKeyedSingleton<IChatClient>(
            LlmServiceKeys.ChatClient, (sp, _) => sp.GetRequiredService<FallbackChatClient>());

        return builder;
    }
}
