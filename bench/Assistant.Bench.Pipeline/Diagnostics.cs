using System.Text;
using Assistant.Core.Streams;
using StackExchange.Redis;

namespace Assistant.Bench.Pipeline;

/// <summary>Where replies that did not arrive (or arrived twice) went: pending entries, dead letters, warnings in the logs.</summary>
public static class Diagnostics
{
    /// <summary>The worker's consumer group on <c>wa:inbound</c> (InboundConsumerService.GroupName; the bench does not reference the worker).</summary>
    private const string InboundGroup = "worker";

    /// <summary>
    /// Entries read and not acknowledged, per group. Zero on both at the end means no entry can be
    /// reclaimed and handled again later, so no late duplicate can follow the run.
    /// </summary>
    public static async Task<(long Inbound, long Outbound)> PendingAsync(IDatabase db) =>
        ((await db.StreamPendingAsync(StreamNames.Inbound, InboundGroup)).PendingMessageCount,
         (await db.StreamPendingAsync(StreamNames.Outbound, "sender")).PendingMessageCount);

    public static async Task<string> DescribeAsync(IDatabase db, IEnumerable<ServiceProcess> services)
    {
        var report = new StringBuilder();
        foreach (var (stream, group) in new[] { (StreamNames.Inbound, InboundGroup), (StreamNames.Outbound, "sender") })
        {
            var pending = await db.StreamPendingAsync(stream, group);
            report.AppendLine($"  {stream} group {group}: {pending.PendingMessageCount} pending ({string.Join(", ", pending.Consumers.Select(c => $"{Short(c.Name)}: {c.PendingMessageCount}"))})");
        }
        foreach (var dead in new[] { StreamNames.InboundDeadLetter, StreamNames.OutboundDeadLetter })
        {
            var entries = await db.StreamRangeAsync(dead, "-", "+", 3);
            report.AppendLine($"  {dead}: {await db.StreamLengthAsync(dead)} entries");
            foreach (var entry in entries)
            {
                report.AppendLine("    " + string.Join(" ", entry.Values.Where(v => v.Name != "message" && v.Name != "event").Select(v => $"{v.Name}={v.Value}")));
            }
        }
        foreach (var service in services)
        {
            var warnings = Warnings(service.LogPath);
            report.AppendLine($"  {service.Name} log: {warnings.Count} warn/fail lines{(warnings.Count > 0 ? ", first: " + string.Join(" | ", warnings.Take(5)) : "")}");
        }
        return report.ToString();
    }

    /// <summary>Consumer names end in a GUID: its last characters tell the replicas apart.</summary>
    private static string Short(RedisValue name) => name.ToString() is { Length: > 8 } s ? "..." + s[^8..] : name.ToString();

    /// <summary>The console logger writes "warn: Category[id]" and the message on the next line: both, joined.</summary>
    private static List<string> Warnings(string logPath)
    {
        var lines = File.Exists(logPath) ? File.ReadAllLines(logPath) : [];
        var warnings = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                warnings.Add(lines[i] + (i + 1 < lines.Length ? " " + lines[i + 1].Trim() : ""));
            }
        }
        return warnings;
    }
}
