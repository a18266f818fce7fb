using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Assistant.Core.Telemetry;

/// <summary>
/// Names of our ActivitySources and Meters. ServiceDefaults subscribes to every name that starts
/// with <c>Assistant.</c>, so a new area only needs a new name here.
/// </summary>
public static class AssistantTelemetry
{
    public const string WebhookName = "Assistant.Webhook";
    public const string WorkerName = "Assistant.Worker";
    public const string SenderName = "Assistant.Sender";
    public const string KnowledgeName = "Assistant.Knowledge";
    public const string LlmName = "Assistant.Llm";
    public const string AdminName = "Assistant.Admin";

    public static readonly ActivitySource Webhook = new(WebhookName);
    public static readonly ActivitySource Worker = new(WorkerName);
    public static readonly ActivitySource Sender = new(SenderName);
    public static readonly ActivitySource Knowledge = new(KnowledgeName);
    public static readonly ActivitySource Llm = new(LlmName);
}
