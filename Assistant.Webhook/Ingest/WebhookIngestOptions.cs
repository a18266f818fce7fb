using System.ComponentModel.DataAnnotations;

namespace Assistant.Webhook.Ingest;

/// <summary>The <c>Webhook</c> section: limits of <c>POST /webhook</c>.</summary>
public sealed class WebhookIngestOptions
{
    public const string SectionName = "Webhook";

    /// <summary>Meta's bodies are a few KB; 3 MB leaves room for large batches and refuses abuse (413).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>
    /// How long routing and the enqueue may take before we answer 503. Meta retries a non-200, and
    /// the de-duplication makes the retry safe, so a quick 503 beats a slow 200.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
