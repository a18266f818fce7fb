using System.Diagnostics;
using Assistant.Core.Llm;
using Assistant.Core.Telemetry;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Llm;

public sealed class NoSecretsInTelemetryTests : LlmStandInTestBase
{
    private const string CustomerText = "Sono Mario Verdi, codice fiscale VRDMRA80A01H501U, quanto costa?";

    [Fact]
    public async Task Logs_and_spans_carry_neither_the_key_nor_the_customer_text_nor_the_reply()
    {
        var logs = new CapturingLoggerProvider();
        var tagValues = new List<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AssistantTelemetry.LlmName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tagValues)
                {
                    tagValues.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                    tagValues.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var host = LlmTestHost.Create(OpenAi, Ollama, logs: logs);
        OpenAi.Enqueue(StandInReply.Status(401));
        Ollama.Enqueue(StandInReply.Status(500));

        await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Chain.GetResponseAsync(RagPromptBuilder.Build(TestPrompts.Request(CustomerText))).Within());
        // Both cooling down: the fail-fast path logs too.
        await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Chain.GetResponseAsync(RagPromptBuilder.Build(TestPrompts.Request(CustomerText))).Within());
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var answered = await host.Chain.GetResponseAsync(RagPromptBuilder.Build(TestPrompts.Request(CustomerText))).Within();

        // The test must have seen telemetry at all, or its assertions below would prove nothing.
        Assert.Contains(logs.Lines, l => l.Contains("groq", StringComparison.Ordinal) && l.Contains("client_error", StringComparison.Ordinal));
        Assert.Contains(tagValues, t => t.StartsWith("gen_ai.", StringComparison.Ordinal));
        var everything = string.Join("\n", logs.Lines.Concat(tagValues));
        Assert.DoesNotContain(LlmTestHost.OpenAiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("VRDMRA80A01H501U", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Mario Verdi", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(answered.Text, everything, StringComparison.Ordinal);
    }
}
