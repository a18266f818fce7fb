using System.Diagnostics;
using System.Globalization;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// CPU time (user + system) of each process of the run, from /proc: on 2 shared cores it shows
/// where the cycles of a reply go, which wall-clock figures alone cannot.
/// </summary>
public sealed class CpuMeter
{
    private readonly List<(string Name, int Pid)> _processes = [];

    public void Add(string name, int pid) => _processes.Add((name, pid));

    /// <summary>CPU seconds so far per process name (processes that share a name, like worker replicas, are summed).</summary>
    public Dictionary<string, double> Snapshot()
    {
        var snapshot = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["bench (load + stand-in)"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        };
        foreach (var (name, pid) in _processes)
        {
            snapshot[name] = snapshot.GetValueOrDefault(name) + Seconds(pid);
        }
        return snapshot;
    }

    public static Dictionary<string, double> PerReply(Dictionary<string, double> before, Dictionary<string, double> after, int replies) =>
        after.ToDictionary(a => a.Key, a => Math.Round((a.Value - before.GetValueOrDefault(a.Key)) * 1000 / Math.Max(1, replies), 2), StringComparer.Ordinal);

    /// <summary>utime + stime (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s); 0 once the process is gone.</summary>
    private static double Seconds(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        string stat;
        try
        {
            stat = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return 0;
        }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
