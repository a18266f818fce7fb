using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Intents;
using Assistant.Eval.Metrics;
using Microsoft.VisualBasic.FileIO;

namespace Assistant.Eval.Verbs;

/// <summary>
/// <c>intents-benchmark --dataset clinc150|banking77|builtin --dir DIR [--shots 10] [--seed 1]</c>:
/// trains the intent classifier's model type (<see cref="LinearTextClassifier"/>) on a few
/// examples per intent of a public benchmark and reports test accuracy, to compare with published
/// few-shot figures. <c>builtin</c> measures the built-in training examples on their
/// deterministic 20% held-out split (no <c>--dir</c>, no shots).
/// </summary>
public sealed class IntentsBenchmarkVerb : IEvalVerb
{
    public string Name => "intents-benchmark";

    public string Usage => "--dataset clinc150|banking77|builtin [--dir DIR] [--shots 10] [--seed 1] [--epochs N] [--l2 X] [--lr X] [--embeddings none|minilm] [--nearest true|false] [--out FILE]";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var dataset = arguments.Required("dataset");
        var shots = int.Parse(arguments.Optional("shots") ?? "10", CultureInfo.InvariantCulture);
        var seed = int.Parse(arguments.Optional("seed") ?? "1", CultureInfo.InvariantCulture);

        var (train, test) = dataset switch
        {
            "clinc150" => LoadClinc(Path.Combine(arguments.Required("dir"), "data_full.json")),
            "banking77" => (LoadBankingCsv(Path.Combine(arguments.Required("dir"), "train.csv")), LoadBankingCsv(Path.Combine(arguments.Required("dir"), "test.csv"))),
            "builtin" => LoadBuiltIn(),
            _ => throw new EvalUsageException($"unknown dataset '{dataset}'."),
        };
        if (dataset != "builtin")
        {
            train = SampleShots(train, shots, seed);
        }

        var build = Stopwatch.StartNew();
        var defaults = new LinearTextClassifierOptions();
        var options = defaults with
        {
            Seed = seed,
            Epochs = int.Parse(arguments.Optional("epochs") ?? defaults.Epochs.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            L2 = float.Parse(arguments.Optional("l2") ?? defaults.L2.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            LearningRate = float.Parse(arguments.Optional("lr") ?? defaults.LearningRate.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        };
        var model = dataset == "builtin"
            ? IntentClassifierFactory.BuildModel(TrainingCorpus.Split(20).Train, [], options)
            : LinearTextClassifier.Train(train, options, Embedder(arguments));
        // --nearest true: mixed with the nearest training examples, as the shipped classifier is.
        var nearest = arguments.Optional("nearest") == "true" ? new NearestExampleClassifier(dataset == "builtin" ? TrainingCorpus.Split(20).Train.Select(e => (e.Text, e.Intent)).ToList() : train, model.Labels) : null;
        build.Stop();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{dataset}: {model.Labels.Count} intents, {train.Count} training examples ({(dataset == "builtin" ? "80% split" : $"{shots} per intent, seed {seed}")}), {test.Count} test, trained in {build.Elapsed.TotalMilliseconds:F0} ms"));

        var report = new ClassificationReport();
        var latencies = new List<double>(test.Count);
        var outPath = arguments.Optional("out");
        await using var writer = outPath is null ? null : new StreamWriter(outPath);
        foreach (var (text, label) in test)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var probabilities = model.Probabilities(text);
            if (nearest is not null)
            {
                var near = nearest.Probabilities(text, LanguageDetector.Detect(text));
                for (var k = 0; k < probabilities.Length; k++)
                {
                    probabilities[k] = ((1 - IntentClassifier.NearestShare) * probabilities[k]) + (IntentClassifier.NearestShare * near[k]);
                }
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var best = 0;
            for (var k = 1; k < probabilities.Length; k++)
            {
                if (probabilities[k] > probabilities[best])
                {
                    best = k;
                }
            }
            report.Add(label, model.Labels[best]);
            if (writer is not null)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { text, intent = label, predicted = model.Labels[best], confidence = Math.Round(probabilities[best], 4) }));
            }
        }

        if (dataset == "builtin")
        {
            await report.WriteAsync(output);
            await WriteCalibrationAsync(model, test, output);
        }
        else
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"accuracy {report.Accuracy:F4}  macro-F1 {report.MacroF1:F4}"));
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            dataset,
            shots = dataset == "builtin" ? (int?)null : shots,
            seed,
            n = test.Count,
            accuracy = Math.Round(report.Accuracy, 4),
            macro_f1 = Math.Round(report.MacroF1, 4),
            p50_ms = Math.Round(Percentile.Of(latencies, 50), 3),
        }));
        return 0;
    }

    /// <summary>
    /// Held-out negative log-likelihood for a range of softmax temperatures, and how many messages
    /// clear the worker's usual 0.7 confidence bar with what accuracy: how the default temperature was chosen.
    /// </summary>
    private static async Task WriteCalibrationAsync(LinearTextClassifier model, List<(string Text, string Label)> test, TextWriter output)
    {
        foreach (var temperature in new[] { 0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f, 3f })
        {
            var calibrated = model.WithTemperature(temperature);
            double logLoss = 0;
            int confident = 0, confidentCorrect = 0;
            foreach (var (text, label) in test)
            {
                var probabilities = calibrated.Probabilities(text);
                var index = calibrated.Labels.ToList().IndexOf(label);
                logLoss -= Math.Log(Math.Max(probabilities[index], 1e-9));
                var best = Array.IndexOf(probabilities, probabilities.Max());
                if (probabilities[best] >= 0.7)
                {
                    confident++;
                    confidentCorrect += best == index ? 1 : 0;
                }
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"temperature {temperature,4:F2}: held-out NLL {logLoss / test.Count:F3}, confidence >= 0.7 on {confident / (double)test.Count:P0} with accuracy {(confident == 0 ? 0 : confidentCorrect / (double)confident):P1}"));
        }
    }

    internal static ISentenceEmbedder? Embedder(EvalArguments arguments) => arguments.Optional("embeddings") switch
    {
        null or "none" => null,
        "minilm" => new MiniLmEmbedder(),
        var other => throw new EvalUsageException($"unknown embeddings '{other}'."),
    };

    /// <summary><paramref name="shots"/> examples per label, drawn with a fixed seed.</summary>
    private static List<(string Text, string Label)> SampleShots(List<(string Text, string Label)> train, int shots, int seed)
    {
        var random = new Random(seed);
        return train.GroupBy(e => e.Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var items = g.ToArray();
                random.Shuffle(items);
                return items.Take(shots);
            })
            .ToList();
    }

    /// <summary>CLINC150's 150 in-scope intents (train and test); the out-of-scope splits are not part of the few-shot figures.</summary>
    private static (List<(string, string)>, List<(string, string)>) LoadClinc(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalUsageException($"'{path}' does not exist.");
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        List<(string, string)> Split(string name) => document.RootElement.GetProperty(name).EnumerateArray()
            .Select(pair => (pair[0].GetString()!, pair[1].GetString()!))
            .ToList();
        return (Split("train"), Split("test"));
    }

    private static List<(string Text, string Label)> LoadBankingCsv(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalUsageException($"'{path}' does not exist.");
        }
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var rows = new List<(string, string)>();
        while (parser.ReadFields() is { Length: >= 2 } fields)
        {
            rows.Add((fields[0], fields[1]));
        }
        return rows;
    }

    private static (List<(string, string)>, List<(string, string)>) LoadBuiltIn()
    {
        var (train, heldOut) = TrainingCorpus.Split(20);
        return (train.Select(e => (e.Text, e.Intent)).ToList(), heldOut.Select(e => (e.Text, e.Intent)).ToList());
    }
}
