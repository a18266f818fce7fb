using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Intents;

/// <summary>The labelled held-out message sets under <c>Assistant.Tests/Intents/Data</c>, never used for training.</summary>
internal static class HeldOutMessages
{
    /// <summary>The texts and intents of <paramref name="fileName"/> (one JSON object per line).</summary>
    public static List<(string Text, string Intent)> Load(string fileName)
    {
        var messages = new List<(string, string)>();
        foreach (var line in File.ReadLines(PathOf(fileName)).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            messages.Add((document.RootElement.GetProperty("text").GetString()!, document.RootElement.GetProperty("intent").GetString()!));
        }
        return messages;
    }

    /// <summary>A file or folder of <c>Assistant.Tests/Intents/Data</c>.</summary>
    public static string PathOf(string name) => Path.Combine(RepositoryRoot, "Assistant.Tests", "Intents", "Data", name);

    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>Share of <paramref name="messages"/> whose intent <paramref name="classify"/> gets right.</summary>
    public static double Accuracy(Func<string, string> classify, IReadOnlyList<(string Text, string Intent)> messages) =>
        messages.Count(m => classify(m.Text) == m.Intent) / (double)messages.Count;
}
