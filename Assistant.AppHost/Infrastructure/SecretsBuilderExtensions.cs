using Assistant.AppHost.Infrastructure;

namespace Aspire.Hosting;

internal static class SecretsBuilderExtensions
{
    /// <summary>
    /// WhatsApp and LLM secrets as Aspire parameters (configuration <c>Parameters:&lt;name&gt;</c>,
    /// user secrets, or environment <c>Parameters__&lt;name&gt;</c>). The app secret and verify token
    /// are generated and kept in user secrets when not given, so the sandbox runs with no setup.
    /// The access token and the LLM keys are optional: absent means the sandbox channel and no
    /// such provider, and no prompt blocks start-up.
    /// </summary>
    public static AssistantSecrets AddAssistantSecrets(this IDistributedApplicationBuilder builder)
    {
        var generated = new GenerateParameterDefault { MinLength = 32, Special = false };
        return new AssistantSecrets(
            builder.AddParameter("whatsapp-app-secret", generated, secret: true, persist: true),
            builder.AddParameter("whatsapp-verify-token", generated, secret: true, persist: true),
            builder.AddOptionalSecret("whatsapp-access-token"),
            builder.AddOptionalSecret("groq-api-key"),
            builder.AddOptionalSecret("mistral-api-key"),
            builder.AddParameter("admin-owner-password", generated, secret: true, persist: true));
    }

    private static IResourceBuilder<ParameterResource>? AddOptionalSecret(this IDistributedApplicationBuilder builder, string name) =>
        string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{name}"]) ? null : builder.AddParameter(name, secret: true);
}
