using System.Globalization;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// Command line: <c>--webhook-dll PATH --worker-dll PATH --redis HOST:PORT --work DIR [--latency-messages 1000]
/// [--rate 25] [--throughput-messages 3000] [--concurrency 32] [--warmup 100] [--redis-pid PID]</c>. Secrets and the packs
/// folder come from the environment the services also get (<c>WhatsApp__AppSecret</c>, <c>Assistant__PacksPath</c>).
/// </summary>
public sealed record PipelineOptions(
    string WebhookDll,
    string WorkerDll,
    string Redis,
    string WorkDirectory,
    string AppSecret,
    string PacksPath,
    int LatencyMessages,
    double Rate,
    int ThroughputMessages,
    int Concurrency,
    int WarmupMessages,
    int RedisPid)
{
    public const string PhoneNumberId = "100000000000001";

    public const string BusinessId = "studio-dentistico-aurora";

    public static PipelineOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : throw new ArgumentException($"environment variable {name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new PipelineOptions(
            Required("webhook-dll"),
            Required("worker-dll"),
            Required("redis"),
            Required("work"),
            Env("WhatsApp__AppSecret"),
            Env("Assistant__PacksPath"),
            Int("latency-messages", 1000),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 25,
            Int("throughput-messages", 3000),
            Int("concurrency", 32),
            Int("warmup", 100),
            Int("redis-pid", 0));
    }
}
