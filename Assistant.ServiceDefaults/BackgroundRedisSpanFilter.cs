using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Drops Redis commands that belong to no trace. The stream consumers poll Redis every few
/// milliseconds when idle; each poll would otherwise become a trace of its own and bury the
/// traces that matter (webhook → worker → send), in which Redis commands are still recorded.
/// </summary>
internal sealed class BackgroundRedisSpanFilter : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var isRoot = samplingParameters.ParentContext.TraceId == default;
        if (isRoot && samplingParameters.Kind == ActivityKind.Client && IsRedis(samplingParameters))
        {
            return new SamplingResult(SamplingDecision.Drop);
        }
        return new SamplingResult(SamplingDecision.RecordAndSample);
    }

    private static bool IsRedis(in SamplingParameters parameters)
    {
        if (parameters.Tags is not null)
        {
            foreach (var tag in parameters.Tags)
            {
                if (tag.Key is "db.system" or "db.system.name" && tag.Value as string == "redis")
                {
                    return true;
                }
            }
        }
        return false;
    }
}
