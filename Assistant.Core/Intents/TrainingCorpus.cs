using System.Text.Json;

namespace Assistant.Core.Intents;

/// <summary>
/// The built-in, business-neutral training examples (<c>Intents/Training/*.jsonl</c>, embedded).
/// They are written for no particular business, so that the classifier does as well for one it
/// has never seen.
/// </summary>
public static class TrainingCorpus
{
    private static readonly Lazy<IReadOnlyList<TrainingExample>> Examples = new(Load);

    /// <summary>Every built-in example, Italian first, then English.</summary>
    public static IReadOnlyList<TrainingExample> All => Examples.Value;

    /// <summary>
    /// A deterministic split by a hash of the text: about <paramref name="holdOutPercent"/> percent
    /// held out for measuring, the rest for training. The same text always lands on the same side.
    /// </summary>
    public static (IReadOnlyList<TrainingExample> Train, IReadOnlyList<TrainingExample> HeldOut) Split(int holdOutPercent)
    {
        var train = new List<TrainingExample>();
        var heldOut = new List<TrainingExample>();
        foreach (var example in All)
        {
            (StableHash(example.Text) % 100 < (uint)holdOutPercent ? heldOut : train).Add(example);
        }
        return (train, heldOut);
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }

    private static List<TrainingExample> Load()
    {
        var assembly = typeof(TrainingCorpus).Assembly;
        var examples = new List<TrainingExample>();
        foreach (var language in new[] { "it", "en" })
        {
            var name = $"Assistant.Core.Intents.Training.{language}.jsonl";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded training resource '{name}' is missing.");
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                using var document = JsonDocument.Parse(line);
                var text = document.RootElement.GetProperty("text").GetString();
                var intent = document.RootElement.GetProperty("intent").GetString();
                if (string.IsNullOrWhiteSpace(text) || intent is null || !IntentIds.IsKnown(intent))
                {
                    throw new InvalidOperationException($"{name}:{lineNumber}: needs a text and one of the 21 intent ids.");
                }
                examples.Add(new TrainingExample(text, intent, language));
            }
        }
        return examples;
    }
}
