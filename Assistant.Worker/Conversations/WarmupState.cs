using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Ready once the classifiers are trained and the packs' knowledge is indexed. Until then the
/// worker's <c>/health</c> says so, and the AppHost (or an orchestrator) waits: a customer never
/// gets an answer from a half-built index. <c>/alive</c> is not affected.
/// </summary>
public sealed class WarmupState : IHealthCheck
{
    private volatile bool _ready;

    public void MarkReady() => _ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Training classifiers and indexing knowledge."));
}
