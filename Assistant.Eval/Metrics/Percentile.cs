namespace Assistant.Eval.Metrics;

/// <summary>Nearest-rank percentiles of latency samples.</summary>
public static class Percentile
{
    public static double Of(IReadOnlyList<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return 0;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
