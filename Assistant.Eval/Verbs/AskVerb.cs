using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Businesses;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Assistant.Eval.Verbs;

/// <summary>
/// <c>ask --pack DIR --questions FILE [--out FILE]</c> (CONTRACTS.md section 5): ingests the pack
/// with the same services the worker uses (embedded index in memory unless
/// <c>ConnectionStrings__redis</c> / <c>__qdrant</c> name real ones), then retrieves and answers
/// every question and scores recall, fact coverage, abstention and retrieval latency.
/// </summary>
public sealed class AskVerb : IEvalVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "ask";

    public string Usage => "--pack DIR --questions FILE [--out FILE]";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var pack = BusinessPackLoader.Load(arguments.Required("pack"));
        var questions = ReadQuestions(arguments.Required("questions"));
        var outPath = arguments.Optional("out");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        var redis = builder.Configuration.GetConnectionString("redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        }
        // Llm__Providers__* in the environment make the model write the answers, as in the worker.
        builder.AddLlmChain();
        builder.AddKnowledge();
        using var host = builder.Build();
        var services = host.Services;
        var store = services.GetRequiredService<Core.Knowledge.Stores.IPassageStore>();

        var ingest = await services.GetRequiredService<KnowledgeIngestor>().IngestAsync(pack.Profile.Id, pack.Knowledge, cancellationToken);
        await output.WriteLineAsync($"ask: {pack.Profile.Id}, store {store.GetType().Name} ({store.Space.Key}); ingested {pack.Knowledge.Count} files: {ingest.Added} added, {ingest.Changed} changed, {ingest.Unchanged} unchanged, {ingest.Removed} removed; {ingest.PassagesTotal} passages, {ingest.PassagesEmbedded} embedded in {ingest.Elapsed.TotalMilliseconds:F0} ms");

        var retriever = services.GetRequiredService<HybridRetriever>();
        var answers = services.GetRequiredService<KnowledgeAnswerService>();
        var context = new KnowledgeAnswerContext(pack.Profile);

        // One untimed question first: JIT and the lexical index, which a running worker has warm.
        await retriever.RetrieveAsync(pack.Profile.Id, "warm-up", cancellationToken);

        var latencies = new List<double>();
        int answerable = 0, hit1 = 0, hit5 = 0, abstainCorrect = 0;
        double factSum = 0;
        await using var outWriter = outPath is null ? null : new StreamWriter(outPath);
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var retrieval = await retriever.RetrieveAsync(pack.Profile.Id, q.Question, cancellationToken);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(ms);
            var language = q.Lang ?? pack.Profile.DefaultLanguage;
            var answer = await answers.AnswerAsync(pack.Profile.Id, retrieval, language, context, cancellationToken);

            var sources = retrieval.Passages.Select(p => p.Passage.FileName).ToList();
            var isAnswerable = q.SourceFile is not null;
            var facts = q.AnswerFacts ?? [];
            var found = facts.Where(f => answer.Text.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
            bool? at1 = null, at5 = null;
            if (isAnswerable)
            {
                answerable++;
                at1 = sources.Take(1).Contains(q.SourceFile);
                at5 = sources.Take(5).Contains(q.SourceFile);
                hit1 += at1.Value ? 1 : 0;
                hit5 += at5.Value ? 1 : 0;
                factSum += facts.Count == 0 ? 1 : (double)found.Count / facts.Count;
            }
            var abstainOk = answer.Abstained == !isAnswerable;
            abstainCorrect += abstainOk ? 1 : 0;

            var mark = isAnswerable ? (at1 == true ? "R1" : at5 == true ? "R5" : "--") : "NA";
            var missing = facts.Except(found).ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{mark} {(abstainOk ? "ok " : "ERR")} conf={retrieval.Confidence:F2} {(answer.Abstained ? "abstain" : "answer ")} {ms,6:F1}ms  {Shorten(q.Question, 70)}  → {string.Join(",", sources.Take(3))}{(missing.Count > 0 ? "  missing: " + string.Join(" | ", missing) : string.Empty)}"));

            if (outWriter is not null)
            {
                await outWriter.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    question = q.Question,
                    lang = q.Lang,
                    source_file = q.SourceFile,
                    predicted_source = sources.FirstOrDefault(),
                    sources,
                    abstained = answer.Abstained,
                    confidence = Math.Round(retrieval.Confidence, 3),
                    expected = retrieval.ExpectedKinds.ToString(),
                    concepts = retrieval.Concepts.Select(c => $"{c.Term}:{(c.Role == ConceptRole.Entity ? "E" : "A")}{(c.IsKindCue ? "*" : string.Empty)}{(c.IsFocus ? "!" : string.Empty)}:{c.Weight:F1}").ToList(),
                    needs_review = answer.NeedsReview,
                    provider = answer.Provider,
                    answer = answer.Text,
                    facts_found = found,
                    retrieval_ms = Math.Round(ms, 2),
                }, Json));
            }
        }

        latencies.Sort();
        var summary = new
        {
            n = questions.Count,
            recall_at_1 = Round(answerable == 0 ? 0 : (double)hit1 / answerable),
            recall_at_5 = Round(answerable == 0 ? 0 : (double)hit5 / answerable),
            fact_coverage = Round(answerable == 0 ? 0 : factSum / answerable),
            abstain_accuracy = Round(questions.Count == 0 ? 0 : (double)abstainCorrect / questions.Count),
            p50_ms = Round(Percentile(latencies, 0.50)),
            p95_ms = Round(Percentile(latencies, 0.95)),
        };
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ask: {questions.Count} questions ({answerable} answerable): recall@1 {summary.recall_at_1:F3}, recall@5 {summary.recall_at_5:F3}, fact coverage {summary.fact_coverage:F3}, abstain accuracy {summary.abstain_accuracy:F3}, retrieval p50 {summary.p50_ms:F1} ms, p95 {summary.p95_ms:F1} ms"));
        await output.WriteLineAsync(JsonSerializer.Serialize(summary));
        return 0;
    }

    private static List<AskQuestion> ReadQuestions(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalUsageException($"questions file '{path}' does not exist.");
        }
        return File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<AskQuestion>(l, Json) ?? throw new EvalUsageException($"empty line in {path}"))
            .ToList();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Round(double value) => Math.Round(value, 3);

    private static string Shorten(string text, int max) => text.Length <= max ? text.PadRight(max) : text[..(max - 1)] + "…";
}
