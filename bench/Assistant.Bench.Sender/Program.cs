using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Bench.Sender;

// Outbound sender benchmark (issue 4): real Redis, the real sender pipeline, the Graph API
// stand-in on loopback. Usage: dotnet run -c Release --project bench/Assistant.Bench.Sender [-- --quick]
var quick = args.Contains("--quick");
// Warm-up (JIT, first connections): not reported. Without it the first requests of the first
// variant leave the pacer on time but reach the stand-in in a bunch.
await SenderBench.RunAsync("warm-up", numbers: 2, recipients: 50, messages: 200);

var results = new List<VariantResult>
{
    await SenderBench.RunAsync("replies: 1,000 for 20 numbers x 500 recipients", numbers: 20, recipients: 500, messages: 1000),
    await SenderBench.RunAsync("saturate: 20 numbers x 400 messages, one per recipient", numbers: 20, recipients: 8000, messages: 8000),
};
if (!quick)
{
    results.Add(await SenderBench.RunAsync("hot pair: 10 messages to one recipient", numbers: 1, recipients: 1, messages: 10));
}

Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, results.Select(r => r.Describe())));
Console.WriteLine(JsonSerializer.Serialize(results.Select(r => new
{
    r.Name,
    r.Messages,
    r.Seconds,
    MinNumberRate = double.IsFinite(r.MinNumberRate) ? Math.Round(r.MinNumberRate, 1) : (double?)null,
    MaxNumberRate = double.IsFinite(r.MaxNumberRate) ? Math.Round(r.MaxNumberRate, 1) : (double?)null,
    r.MaxPerNumberInQuarterSecond,
    r.MaxPerNumberInAnySecond,
    r.MaxPairIn6s,
    r.MaxPairIn60s,
    r.PairLimitHeld,
})));

internal sealed record VariantResult(
    string Name,
    int Messages,
    double Seconds,
    double MinNumberRate,
    double MaxNumberRate,
    int MaxPerNumberInAnySecond,
    int MaxPerNumberInQuarterSecond,
    int MaxPairIn6s,
    int MaxPairIn60s,
    bool PairLimitHeld,
    double SendP50Ms)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Messages} sent in {Seconds:F2} s; sustained per-number rate after the burst {MinNumberRate:F1}-{MaxNumberRate:F1}/s; " +
        $"max per number in any 1 s window {MaxPerNumberInAnySecond} (bucket allows 100), in any 0.25 s window {MaxPerNumberInQuarterSecond} (allows 40); max per pair in any 6 s window {MaxPairIn6s}, in any 60 s window {MaxPairIn60s}; " +
        $"pair limit held: {PairLimitHeld}; stand-in request spacing p50 {SendP50Ms:F2} ms");
}

internal static class Stopwatches
{
    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;
}
