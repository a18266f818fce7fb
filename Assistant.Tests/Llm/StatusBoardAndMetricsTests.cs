using System.Diagnostics.Metrics;
using Assistant.Core.Llm;
using Assistant.Core.Telemetry;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Llm;

public sealed class StatusBoardAndMetricsTests : LlmStandInTestBase
{
    [Fact]
    public async Task The_board_reflects_successes_and_failures()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        var before = host.Board.Snapshot();
        Assert.All(before, s => Assert.Null(s.LastSuccessAt));
        Assert.Equal([("groq", "openai", "llama-3.3-70b-versatile"), ("local", "ollama", "qwen2.5:3b")], before.Select(s => (s.Name, s.Kind, s.Model)));

        OpenAi.Enqueue(StandInReply.Status(500));
        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        var failedAt = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        var groq = host.Board.Get("groq")!;
        Assert.Equal(failedAt, groq.LastFailureAt);
        Assert.Equal("server_error (HTTP 500)", groq.LastFailureReason);
        Assert.Equal(host.Time.GetUtcNow(), groq.LastSuccessAt);
        Assert.Equal(0, groq.ConsecutiveFailures);
        Assert.Equal(2, groq.TotalCalls);
        Assert.Equal(1, groq.TotalFailures);
        Assert.NotNull(groq.LatencyEwmaMs);

        var local = host.Board.Get("local")!;
        Assert.Equal(failedAt, local.LastSuccessAt);
        Assert.Null(local.LastFailureAt);
        Assert.Equal(1, local.TotalCalls);
    }

    [Fact]
    public void The_latency_average_weighs_the_newest_call_by_three_tenths()
    {
        var board = new LlmProviderStatusBoard();
        board.Register("groq", "openai", "m");
        var at = DateTimeOffset.UnixEpoch;

        board.RecordSuccess("groq", at, TimeSpan.FromMilliseconds(100));
        Assert.Equal(100, board.Get("groq")!.LatencyEwmaMs);
        board.RecordSuccess("groq", at, TimeSpan.FromMilliseconds(200));

        Assert.Equal(130, board.Get("groq")!.LatencyEwmaMs!.Value, precision: 9);
    }

    [Fact]
    public async Task Metrics_count_calls_failures_by_reason_and_tokens()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        var meterFactory = host.Host.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AssistantTelemetry.LlmName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        OpenAi.Enqueue(StandInReply.Status(429, retryAfterSeconds: 5));
        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        Assert.Contains(measurements, m => m.Instrument == LlmMetrics.FailuresName && Equals(m.Tags["provider"], "groq") && Equals(m.Tags["reason"], "rate_limited"));
        Assert.Contains(measurements, m => m.Instrument == LlmMetrics.CallsName && Equals(m.Tags["provider"], "local") && Equals(m.Tags["outcome"], "success"));
        Assert.Contains(measurements, m => m.Instrument == LlmMetrics.TokensName && Equals(m.Tags["direction"], "input") && m.Value == OllamaStandIn.PromptEvalCount);
        Assert.Contains(measurements, m => m.Instrument == LlmMetrics.TokensName && Equals(m.Tags["direction"], "output") && m.Value == OllamaStandIn.EvalCount);
        Assert.DoesNotContain(measurements, m => m.Instrument == LlmMetrics.CallsName && Equals(m.Tags["provider"], "groq") && Equals(m.Tags["outcome"], "success"));
    }
}
