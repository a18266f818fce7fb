using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Assistant.Tests.ServiceDefaults;

public sealed class BackgroundRedisSpanFilterTests
{
    private static readonly KeyValuePair<string, object?>[] RedisTags = [new("db.system", "redis")];

    [Fact]
    public void An_idle_poll_of_redis_outside_any_trace_is_dropped()
    {
        var decision = new BackgroundRedisSpanFilter().ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "XREADGROUP", ActivityKind.Client, RedisTags));

        Assert.Equal(SamplingDecision.Drop, decision.Decision);
    }

    [Fact]
    public void A_redis_command_inside_a_trace_and_other_root_spans_are_kept()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var sampler = new ParentBasedSampler(new BackgroundRedisSpanFilter());

        var child = sampler.ShouldSample(new SamplingParameters(parent, parent.TraceId, "EVALSHA", ActivityKind.Client, RedisTags));
        var http = sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "POST", ActivityKind.Client));

        Assert.Equal(SamplingDecision.RecordAndSample, child.Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, http.Decision);
    }
}
