using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Assistant.AppHost.Resources;

/// <summary>
/// Pulls the configured models into an Ollama server once it answers, and reports the resource
/// healthy only when every model is present, so the worker never starts against a server that
/// would answer "model not found".
/// </summary>
internal sealed class OllamaModelPuller(IReadOnlyList<string> models, ILogger logger) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private Uri? _endpoint;
    private Task? _pulling;

    public void Start(Uri endpoint, CancellationToken cancellationToken)
    {
        _endpoint = endpoint;
        _pulling ??= Task.Run(() => PullAllAsync(endpoint, cancellationToken), cancellationToken);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_endpoint is null)
        {
            return HealthCheckResult.Unhealthy("Waiting for the endpoint.");
        }
        try
        {
            using var response = await Http.GetAsync(new Uri(_endpoint, "/api/version"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy($"/api/version answered {(int)response.StatusCode}.");
            }
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy("Ollama does not answer yet.", ex);
        }

        var missing = models.Where(m => !_present.Contains(m)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Pulling {string.Join(", ", missing)}.");
    }

    private async Task PullAllAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        foreach (var model in models)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    logger.LogInformation("Pulling Ollama model {Model}", model);
                    using var response = await Http.PostAsJsonAsync(new Uri(endpoint, "/api/pull"), new PullRequest(model, Stream: false), cancellationToken);
                    response.EnsureSuccessStatusCode();
                    lock (_present)
                    {
                        _present.Add(model);
                    }
                    logger.LogInformation("Ollama model {Model} is ready", model);
                    break;
                }
                catch (HttpRequestException ex)
                {
                    // The server may still be starting, or the registry may be unreachable: keep trying, visibly.
                    logger.LogWarning(ex, "Pulling {Model} failed; retrying in 5 s", model);
                    await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                }
            }
        }
    }

    private sealed record PullRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("stream")] bool Stream);
}
