using Aspire.Hosting.ApplicationModel;

namespace Assistant.AppHost.Infrastructure;

/// <summary>The secret parameters; the optional ones are null when not configured.</summary>
public sealed record AssistantSecrets(
    IResourceBuilder<ParameterResource> WhatsAppAppSecret,
    IResourceBuilder<ParameterResource> WhatsAppVerifyToken,
    IResourceBuilder<ParameterResource>? WhatsAppAccessToken,
    IResourceBuilder<ParameterResource>? GroqApiKey,
    IResourceBuilder<ParameterResource>? MistralApiKey,
    IResourceBuilder<ParameterResource> AdminOwnerPassword);
