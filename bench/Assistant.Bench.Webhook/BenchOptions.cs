using System.Globalization;

namespace Assistant.Bench.Webhook;

/// <summary>Command line: <c>--url URL --secret S --redis HOST:PORT --phone-number-id ID [--concurrency 64] [--seconds 30] [--warmup 3]</c>.</summary>
public sealed record BenchOptions(Uri Url, string Secret, string Redis, string PhoneNumberId, int Concurrency, int Seconds, int WarmupSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(
            new Uri(Required("url")),
            Required("secret"),
            Required("redis"),
            Required("phone-number-id"),
            Int("concurrency", 64),
            Int("seconds", 30),
            Int("warmup", 3));
    }
}
