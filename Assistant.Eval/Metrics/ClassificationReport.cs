using System.Globalization;

namespace Assistant.Eval.Metrics;

/// <summary>Accuracy, per-label precision/recall/F1 and the most frequent confusions of a labelled run.</summary>
public sealed class ClassificationReport
{
    private readonly List<(string Expected, string Predicted)> _pairs = [];

    public int Count => _pairs.Count;

    public void Add(string expected, string predicted) => _pairs.Add((expected, predicted));

    public double Accuracy => _pairs.Count == 0 ? 0 : _pairs.Count(p => p.Expected == p.Predicted) / (double)_pairs.Count;

    /// <summary>Mean F1 over the labels that occur as expected labels.</summary>
    public double MacroF1 => Labels().Count == 0 ? 0 : Labels().Average(l => Scores(l).F1);

    public (double Precision, double Recall, double F1, int Support) Scores(string label)
    {
        var truePositives = _pairs.Count(p => p.Expected == label && p.Predicted == label);
        var predicted = _pairs.Count(p => p.Predicted == label);
        var support = _pairs.Count(p => p.Expected == label);
        var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
        var recall = support == 0 ? 0 : truePositives / (double)support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1, support);
    }

    public List<string> Labels() => _pairs.Select(p => p.Expected).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The readable report: one line per label, then the most frequent confusions.</summary>
    public async Task WriteAsync(TextWriter output, int confusions = 12)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"intent",-22} {"prec",6} {"rec",6} {"f1",6} {"n",5}"));
        foreach (var label in Labels())
        {
            var (precision, recall, f1, support) = Scores(label);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{label,-22} {precision,6:F3} {recall,6:F3} {f1,6:F3} {support,5}"));
        }
        var mistakes = _pairs.Where(p => p.Expected != p.Predicted)
            .GroupBy(p => p)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Expected, StringComparer.Ordinal)
            .Take(confusions)
            .ToList();
        if (mistakes.Count > 0)
        {
            await output.WriteLineAsync("most frequent confusions (expected -> predicted):");
            foreach (var group in mistakes)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {group.Key.Expected} -> {group.Key.Predicted}: {group.Count()}"));
            }
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"accuracy {Accuracy:F4}  macro-F1 {MacroF1:F4}  n {Count}"));
    }
}
