using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Businesses;
using Assistant.Core.Intents;
using Assistant.Eval.Metrics;

namespace Assistant.Eval.Verbs;

/// <summary><c>classify --pack DIR --messages FILE [--out FILE]</c> (CONTRACTS.md section 5).</summary>
public sealed class ClassifyVerb : IEvalVerb
{
    private const int WarmUpMessages = 20;

    public string Name => "classify";

    public string Usage => "--pack DIR --messages FILE [--out FILE] [--model linear|linear-no-derived|linear+minilm|minilm-knn] [--seed N] [--derived-out FILE]";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var pack = BusinessPackLoader.Load(arguments.Required("pack"));
        var messages = ReadMessages(arguments.Required("messages"));
        var outPath = arguments.Optional("out");

        var model = arguments.Optional("model") ?? "linear";
        var build = Stopwatch.StartNew();
        Func<string, IntentPrediction> classify;
        if (model == "linear")
        {
            // --seed: the same classifier trained in another example order, to see how much of a
            // difference between two runs is the data and how much the shuffle.
            var classifier = arguments.Optional("seed") is { } seed
                ? IntentClassifierFactory.Build(pack, new LinearTextClassifierOptions { Seed = int.Parse(seed, CultureInfo.InvariantCulture) })
                : IntentClassifierFactory.Create(pack);
            classify = classifier.Classify;
            var derived = PackExampleGenerator.Generate(pack);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"classifier for '{pack.Profile.Id}': {TrainingCorpus.All.Count} built-in + {pack.Examples.Count} pack examples + {derived.Count} derived from its knowledge files, {classifier.FeatureCount} features, built in {build.Elapsed.TotalMilliseconds:F0} ms"));
            if (arguments.Optional("derived-out") is { } derivedOut)
            {
                await File.WriteAllLinesAsync(derivedOut, derived.Select(e => JsonSerializer.Serialize(new { text = e.Text, intent = e.Intent })), cancellationToken);
            }
        }
        else if (model == "linear-no-derived")
        {
            // Ablation: the shipped model without the examples made from the pack's knowledge files.
            var classifier = IntentClassifierFactory.Build(pack, derivedExamples: false);
            classify = classifier.Classify;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"classifier without pack-derived examples, built in {build.Elapsed.TotalMilliseconds:F0} ms"));
        }
        else if (model == "linear+minilm")
        {
            // Measured, not shipped: MiniLM features cost ~17 ms per message and help English only.
            var classifier = IntentClassifierFactory.Build(TrainingCorpus.All, pack.Examples, embedder: new MiniLmEmbedder());
            classify = classifier.Classify;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"linear model with MiniLM sentence features, built in {build.Elapsed.TotalMilliseconds:F0} ms"));
        }
        else if (model == "minilm-knn")
        {
            // The baseline of the issue: nearest built-in or pack example by MiniLM cosine similarity.
            var examples = TrainingCorpus.All.Select(e => (e.Text, Label: e.Intent))
                .Concat(pack.Examples.Select(e => (e.Text, Label: e.Intent)))
                .ToList();
            var knn = new MiniLmNearestNeighbour(examples);
            classify = text =>
            {
                var intent = knn.Classify(text);
                return new IntentPrediction(intent, 1, [new IntentScore(intent, 1)], LanguageDetector.Detect(text));
            };
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"MiniLM nearest neighbour over {examples.Count} examples, embedded in {build.Elapsed.TotalMilliseconds:F0} ms"));
        }
        else
        {
            throw new EvalUsageException($"unknown model '{model}'.");
        }

        // Warm-up: JIT and caches, so that the latencies below are those of a running worker.
        foreach (var message in messages.Take(WarmUpMessages))
        {
            classify(message.Text);
        }

        var report = new ClassificationReport();
        var latencies = new List<double>(messages.Count);
        await using var writer = outPath is null ? null : new StreamWriter(outPath);
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var prediction = classify(message.Text);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (message.Intent is not null)
            {
                report.Add(message.Intent, prediction.Intent);
            }
            if (writer is not null)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    text = message.Text,
                    intent = message.Intent,
                    predicted = prediction.Intent,
                    confidence = Math.Round(prediction.Confidence, 4),
                    language = prediction.Language,
                    alternatives = prediction.Alternatives.Select(a => new { intent = a.Intent, confidence = Math.Round(a.Confidence, 4) }),
                }));
            }
        }

        if (report.Count > 0)
        {
            await report.WriteAsync(output);
        }
        var p50 = Percentile.Of(latencies, 50);
        var p95 = Percentile.Of(latencies, 95);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"latency per message: p50 {p50:F3} ms, p95 {p95:F3} ms"));
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            n = messages.Count,
            accuracy = Math.Round(report.Accuracy, 4),
            macro_f1 = Math.Round(report.MacroF1, 4),
            p50_ms = Math.Round(p50, 3),
            p95_ms = Math.Round(p95, 3),
        }));
        return 0;
    }

    private static List<(string Text, string? Intent)> ReadMessages(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalUsageException($"messages file '{path}' does not exist.");
        }
        var messages = new List<(string, string?)>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var intent = root.TryGetProperty("intent", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            messages.Add((text, intent));
        }
        return messages;
    }
}
