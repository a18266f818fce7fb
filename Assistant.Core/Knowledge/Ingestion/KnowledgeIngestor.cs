using System.Diagnostics;
using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Stores;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// Brings a business's passages in the store in line with its knowledge files. The file hash
/// stored on every passage decides: an unchanged file costs nothing (no embedding), a changed one
/// has its passages replaced, a file no longer given has its passages removed. The admin app and
/// the worker's start-up call this same method.
/// </summary>
public sealed partial class KnowledgeIngestor(
    IPassageStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    KnowledgeChunker chunker,
    ILogger<KnowledgeIngestor>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<KnowledgeIngestor>.Instance;

    public async Task<IngestResult> IngestAsync(string businessId, IEnumerable<KnowledgeFile> files, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var wanted = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var existing = (await store.ListAsync(businessId, cancellationToken).ConfigureAwait(false))
            .GroupBy(p => p.FileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.FileHash).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        int added = 0, changed = 0, unchanged = 0, removed = 0, embedded = 0, total = 0;

        foreach (var name in existing.Keys.Where(n => !wanted.ContainsKey(n)))
        {
            await store.DeleteFileAsync(businessId, name, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        foreach (var file in wanted.Values)
        {
            var hash = KnowledgeChunker.HashOf(file);
            var passages = chunker.Split(businessId, file);
            total += passages.Count;
            if (existing.TryGetValue(file.Name, out var hashes))
            {
                if (hashes is [var only] && only == hash)
                {
                    unchanged++;
                    continue;
                }
                await store.DeleteFileAsync(businessId, file.Name, cancellationToken).ConfigureAwait(false);
                changed++;
            }
            else
            {
                added++;
            }

            if (passages.Count == 0)
            {
                continue;
            }
            var vectors = await embeddings.GenerateAsync(passages.Select(p => p.EmbeddingText), cancellationToken: cancellationToken).ConfigureAwait(false);
            var items = passages.Select((p, i) => new EmbeddedPassage(p, vectors[i].Vector)).ToList();
            await store.UpsertAsync(businessId, items, cancellationToken).ConfigureAwait(false);
            embedded += items.Count;
        }

        var result = new IngestResult(added, changed, unchanged, removed, embedded, total, Stopwatch.GetElapsedTime(started));
        LogIngested(_logger, businessId, result.Added, result.Changed, result.Unchanged, result.Removed, result.PassagesEmbedded, result.Elapsed.TotalMilliseconds);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge of {BusinessId}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Removed} removed files; {Embedded} passages embedded in {ElapsedMs:F0} ms")]
    private static partial void LogIngested(ILogger logger, string businessId, int added, int changed, int unchanged, int removed, int embedded, double elapsedMs);
}
