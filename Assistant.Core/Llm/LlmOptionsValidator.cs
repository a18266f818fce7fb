using Microsoft.Extensions.Options;

namespace Assistant.Core.Llm;

/// <summary>Fails start-up on a provider that could never answer, instead of failing each customer's message later.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < options.Providers.Count; i++)
        {
            var provider = options.Providers[i];
            var label = $"Llm:Providers:{i}";

            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                errors.Add($"{label}:Name is required.");
            }
            else if (!names.Add(provider.Name))
            {
                errors.Add($"{label}:Name '{provider.Name}' is used by another provider.");
            }

            if (!LlmProviderKinds.IsKnown(provider.Kind))
            {
                errors.Add($"{label}:Kind must be '{LlmProviderKinds.OpenAI}' or '{LlmProviderKinds.Ollama}'.");
            }

            if (!IsHttpUrl(provider.Endpoint))
            {
                errors.Add(LlmProviderKinds.IsOllama(provider.Kind)
                    ? $"{label}:Endpoint must be an http(s) URL, or ConnectionStrings:ollama must give one."
                    : $"{label}:Endpoint must be an http(s) URL.");
            }

            if (string.IsNullOrWhiteSpace(provider.Model))
            {
                errors.Add($"{label}:Model is required.");
            }

            if (provider.TimeoutSeconds is <= 0 or > 600 || double.IsNaN(provider.TimeoutSeconds))
            {
                errors.Add($"{label}:TimeoutSeconds must be greater than 0 and at most 600.");
            }
        }

        if (options.CooldownSeconds <= 0 || options.MaxCooldownSeconds < options.CooldownSeconds)
        {
            errors.Add("Llm:CooldownSeconds must be positive and Llm:MaxCooldownSeconds at least as large.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
