using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Businesses;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Knowledge.Stores;
using Microsoft.Extensions.Options;

// Knowledge retrieval at scale: a synthetic knowledge base of N passages (default 5,000) in one
// business, ingested with MiniLM into the embedded index (ingestion speed), then Q questions
// (default 200) retrieved (latency). Usage: [passages] [questions]
var passageCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var questionCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
const int PassagesPerFile = 10;

string[] topics = ["orari", "prezzi", "parcheggio", "pagamenti", "appuntamenti", "servizi", "garanzia", "consegna", "privacy", "personale"];
string[] things = ["pulizia", "visita", "consulenza", "riparazione", "installazione", "noleggio", "corso", "abbonamento", "sopralluogo", "ritiro"];
string[] places = ["Milano", "Torino", "Roma", "Bologna", "Firenze", "Napoli", "Verona", "Genova", "Padova", "Bari"];
string[] days = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"];

var random = new Random(42);
var files = new List<KnowledgeFile>();
for (var f = 0; f < passageCount / PassagesPerFile; f++)
{
    var topic = topics[f % topics.Length];
    var text = new System.Text.StringBuilder($"# {topic} – sede {f}\n\n");
    for (var s = 0; s < PassagesPerFile; s++)
    {
        var thing = things[random.Next(things.Length)];
        var place = places[random.Next(places.Length)];
        var day = days[random.Next(days.Length)];
        text.Append(CultureInfo.InvariantCulture, $"## {thing} a {place} ({f}-{s})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Il servizio di {thing} nella sede di {place} costa {random.Next(20, 900)} € e si prenota il {day} dalle {random.Next(8, 12)}:00 alle {random.Next(13, 20)}:30. ");
        text.Append(CultureInfo.InvariantCulture, $"Codice {f}-{s}: per {topic} rivolgersi alla segreteria, risposta entro {random.Next(1, 5)} giorni lavorativi.\n\n");
    }
    files.Add(new KnowledgeFile($"{topic}-{f}.md", text.ToString()));
}

using var embeddings = new MiniLmEmbeddingGenerator();
var store = new EmbeddedPassageStore(new EmbeddingSpace(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions));
await embeddings.GenerateAsync(["warm-up"]); // model load is not ingestion

var ingest = await new KnowledgeIngestor(store, embeddings, new KnowledgeChunker()).IngestAsync("bench", files);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ingest: {files.Count} files, {ingest.PassagesEmbedded} passages embedded in {ingest.Elapsed.TotalSeconds:F1} s = {ingest.PassagesEmbedded / ingest.Elapsed.TotalSeconds:F0} passages/s (MiniLM in-process, batch 32)"));

var again = await new KnowledgeIngestor(store, embeddings, new KnowledgeChunker()).IngestAsync("bench", files);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-ingest unchanged: {again.Unchanged} files unchanged, {again.PassagesEmbedded} embedded, {again.Elapsed.TotalMilliseconds:F0} ms"));

var retriever = new HybridRetriever(store, embeddings, Options.Create(new KnowledgeOptions()));
var first = Stopwatch.StartNew();
await retriever.RetrieveAsync("bench", "warm-up");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first retrieval (builds the lexical index): {first.Elapsed.TotalMilliseconds:F0} ms"));

var latencies = new List<double>();
var found = 0;
for (var q = 0; q < questionCount; q++)
{
    var thing = things[random.Next(things.Length)];
    var place = places[random.Next(places.Length)];
    var question = q % 2 == 0 ? $"Quanto costa la {thing} a {place}?" : $"Which day can I book {thing} in {place}?";
    var started = Stopwatch.GetTimestamp();
    var result = await retriever.RetrieveAsync("bench", question);
    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    found += result.Passages.Count > 0 && result.Passages[0].Passage.Section.Contains(thing, StringComparison.Ordinal) && result.Passages[0].Passage.Section.Contains(place, StringComparison.Ordinal) ? 1 : 0;
}
latencies.Sort();
double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"retrieval over {ingest.PassagesTotal} passages, {questionCount} questions: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {latencies[^1]:F1} ms; top passage matches service and city in {found}/{questionCount}"));
