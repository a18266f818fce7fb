using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using Assistant.Core.Telemetry;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace Assistant.Core.Llm;

/// <summary>Builds each configured provider's <see cref="IChatClient"/> pipeline: SDK client, OpenTelemetry, timeout.</summary>
internal static class LlmProviderFactory
{
    // HttpClient's own timeout is only a backstop behind the per-call timeout, which knows the caller's token.
    private static readonly TimeSpan BackstopGrace = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<LlmProvider> Create(LlmOptions options, TimeProvider timeProvider)
    {
        var providers = new List<LlmProvider>(options.Providers.Count);
        try
        {
            foreach (var provider in options.Providers)
            {
                providers.Add(Create(provider, options, timeProvider));
            }
        }
        catch
        {
            foreach (var created in providers)
            {
                created.Dispose();
            }

            throw;
        }

        return providers;
    }

    private static LlmProvider Create(LlmProviderOptions provider, LlmOptions options, TimeProvider timeProvider)
    {
        var name = provider.Name!;
        var model = provider.Model!;
        var endpoint = new Uri(provider.Endpoint!.TrimEnd('/'));
        var timeout = TimeSpan.FromSeconds(provider.TimeoutSeconds);
        var kind = LlmProviderKinds.IsOllama(provider.Kind) ? LlmProviderKinds.Ollama : LlmProviderKinds.OpenAI;

        // Our own handler chain, not IHttpClientFactory: the service defaults add a retrying resilience handler
        // to every factory client, and retries belong to the chain, which moves on to the next provider instead.
        var httpClient = new HttpClient(new ProviderHttpStatusHandler(timeProvider)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        })
        {
            Timeout = timeout + BackstopGrace,
        };

        IChatClient sdkClient;
        if (kind == LlmProviderKinds.Ollama)
        {
            // A trailing slash keeps a path prefix (an Ollama behind a proxy at /ollama) when "api/chat" is resolved against it.
            httpClient.BaseAddress = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/");
            if (!string.IsNullOrEmpty(provider.ApiKey))
            {
                // Plain Ollama needs no key; one behind an authenticating proxy does.
                httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", provider.ApiKey);
            }

            sdkClient = new OllamaApiClient(httpClient, model);
        }
        else
        {
            var clientOptions = new OpenAIClientOptions
            {
                Endpoint = endpoint,
                NetworkTimeout = timeout,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                Transport = new HttpClientPipelineTransport(httpClient),
            };

            // Local OpenAI-compatible servers (vLLM, llama.cpp) take any key; the SDK requires a non-empty one.
            var credential = new ApiKeyCredential(string.IsNullOrEmpty(provider.ApiKey) ? "none" : provider.ApiKey);
            sdkClient = new ChatClient(model, credential, clientOptions).AsIChatClient();
        }

        var client = new ChatClientBuilder(sdkClient)
            // Sensitive data stays off (the default): prompts carry customer messages.
            .UseOpenTelemetry(sourceName: AssistantTelemetry.LlmName, configure: otel => otel.EnableSensitiveData = false)
            .Use(inner => new ProviderTimeoutChatClient(inner, timeout, timeProvider))
            .Build();

        var breaker = new ProviderCircuitBreaker(
            TimeSpan.FromSeconds(options.CooldownSeconds), TimeSpan.FromSeconds(options.MaxCooldownSeconds));
        return new LlmProvider(name, kind, model, client, breaker, httpClient);
    }
}
