namespace Assistant.Core.Llm;

/// <summary>
/// The <c>Llm</c> section (CONTRACTS.md section 1): the providers of the fallback chain, tried in order,
/// and the circuit breaker's cool-down.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Providers in the order they are tried. Empty: no LLM is registered at all.</summary>
    public List<LlmProviderOptions> Providers { get; set; } = [];

    /// <summary>Cool-down after a provider's first consecutive failure; it doubles on each further one.</summary>
    public double CooldownSeconds { get; set; } = 30;

    /// <summary>Upper bound of a cool-down, also for a long <c>Retry-After</c>.</summary>
    public double MaxCooldownSeconds { get; set; } = 300;
}
