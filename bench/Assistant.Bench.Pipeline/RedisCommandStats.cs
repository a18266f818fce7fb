using System.Globalization;
using StackExchange.Redis;

namespace Assistant.Bench.Pipeline;

/// <summary>Calls per Redis command (INFO commandstats): round trips are most of what a template reply costs.</summary>
public static class RedisCommandStats
{
    public static async Task<Dictionary<string, long>> SnapshotAsync(IDatabase db)
    {
        var info = (string?)await db.ExecuteAsync("INFO", "commandstats") ?? "";
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        // Lines look like: cmdstat_xadd:calls=123,usec=456,usec_per_call=3.70,...
        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = line[(colon + 1)..].Split(',')[0];
            calls[line[8..colon]] = long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture);
        }
        return calls;
    }

    /// <summary>Commands per reply over a phase, the busiest first.</summary>
    public static List<(string Command, double PerReply)> PerReply(Dictionary<string, long> before, Dictionary<string, long> after, int replies) =>
        after.Select(a => (Command: a.Key, PerReply: Math.Round((a.Value - before.GetValueOrDefault(a.Key)) / (double)Math.Max(1, replies), 2)))
            .Where(c => c.PerReply > 0)
            .OrderByDescending(c => c.PerReply)
            .ToList();
}
