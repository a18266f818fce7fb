using System.Collections.Concurrent;
using System.Diagnostics;
using Assistant.Core.Knowledge.Stores;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// Hybrid retrieval: BM25 over accent-folded, lightly stemmed Italian/English words (with the
/// glossary's translations) fused with the vector ranking of the store, then re-ranked by how much
/// of the question each passage covers. Always scoped to one business.
/// </summary>
public sealed class HybridRetriever(
    IPassageStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<KnowledgeOptions> options,
    TimeProvider? timeProvider = null)
{
    private const double CoverageShare = 0.5;
    private const int AnswerabilityPassages = 3;

    private readonly ConcurrentDictionary<string, LexicalIndex> _lexical = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<RetrievalResult> RetrieveAsync(string businessId, string question, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(question))
        {
            return RetrievalResult.Empty(question, TimeSpan.Zero);
        }

        var lexical = await GetLexicalIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        if (lexical.Passages.Count == 0)
        {
            return RetrievalResult.Empty(question, Stopwatch.GetElapsedTime(started));
        }

        var (expected, cues) = QuestionShape.Expected(question);
        var concepts = lexical.Analyze(question, cues);
        var lexicalHits = lexical.Search(concepts, o.CandidatePool);
        var queryVector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
        var vectorHits = await store.SearchAsync(businessId, queryVector, o.CandidatePool, cancellationToken).ConfigureAwait(false);

        var candidates = Fuse(lexical, lexicalHits, vectorHits, o);
        var ranked = candidates
            .Select(c =>
            {
                var coverage = lexical.Coverage(concepts, c.Passage);
                var score = ((1 - CoverageShare) * c.Fused) + (CoverageShare * coverage);
                return new RetrievedPassage(c.Passage, score, c.Lexical, c.Vector, coverage);
            })
            .OrderByDescending(p => p.Score)
            .Take(o.TopK)
            .ToList();

        var confidence = Answerability(lexical, concepts, expected, ranked);
        return new RetrievalResult(question, ranked, concepts, confidence, confidence >= o.MinConfidence, Stopwatch.GetElapsedTime(started), expected);
    }

    /// <summary>
    /// How well one statement of the best passages answers the question: the best
    /// <see cref="StatementScorer"/> score of a single sentence, list item or table row together
    /// with its headings. A passage about the right flat that never mentions what was asked has no
    /// such statement; a passage that answers has one that carries both what was asked and what about.
    /// </summary>
    private static double Answerability(LexicalIndex lexical, IReadOnlyList<QueryConcept> concepts, AnswerKind expected, List<RetrievedPassage> ranked)
    {
        var best = 0.0;
        foreach (var candidate in ranked.Take(AnswerabilityPassages))
        {
            var context = Text.Tokenizer.Terms(candidate.Passage.Context).ToHashSet(StringComparer.Ordinal);
            var units = Answering.AnswerUnits.Of(candidate.Passage.Text);
            var shared = Answering.AnswerUnits.SharedTerms(candidate.Passage, units);
            foreach (var ancestor in lexical.Ancestors(candidate.Passage))
            {
                shared.UnionWith(Answering.AnswerUnits.SharedTerms(ancestor, Answering.AnswerUnits.Of(ancestor.Text)));
            }
            foreach (var unit in units)
            {
                var terms = Text.Tokenizer.Terms(unit.MatchText).ToHashSet(StringComparer.Ordinal);
                best = Math.Max(best, StatementScorer.Score(concepts, expected, t => terms.Contains(t) || context.Contains(t), AnswerKinds.Of(unit.Text), t => terms.Contains(t) || shared.Contains(t)));
            }
        }
        return best;
    }

    /// <summary>Drops the cached lexical index of a business (the ingestor calls this after a change).</summary>
    public void Invalidate(string businessId) => _lexical.TryRemove(businessId, out _);

    private static List<(Passage Passage, double Fused, double Lexical, double Vector)> Fuse(
        LexicalIndex lexical, List<(int Index, double Score)> lexicalHits, IReadOnlyList<ScoredPassage> vectorHits, KnowledgeOptions o)
    {
        var byId = new Dictionary<Guid, (Passage Passage, double Lexical, int LexicalRank, double Vector, int VectorRank)>();
        var maxLexical = lexicalHits.Count > 0 ? lexicalHits[0].Score : 1;
        for (var rank = 0; rank < lexicalHits.Count; rank++)
        {
            var p = lexical.Passages[lexicalHits[rank].Index];
            byId[p.Id] = (p, lexicalHits[rank].Score / maxLexical, rank, 0, -1);
        }

        var maxVector = vectorHits.Count > 0 ? vectorHits.Max(v => v.Score) : 1;
        var minVector = vectorHits.Count > 0 ? vectorHits.Min(v => v.Score) : 0;
        var spread = Math.Max(1e-6, maxVector - minVector);
        for (var rank = 0; rank < vectorHits.Count; rank++)
        {
            var hit = vectorHits[rank];
            var normalized = (hit.Score - minVector) / spread;
            // Use the lexical index's own instance so coverage lookups find it.
            var index = lexical.IndexOf(hit.Passage);
            var passage = index >= 0 ? lexical.Passages[index] : hit.Passage;
            byId[passage.Id] = byId.TryGetValue(passage.Id, out var existing)
                ? existing with { Vector = normalized, VectorRank = rank }
                : (passage, 0, -1, normalized, rank);
        }

        return byId.Values.Select(c =>
        {
            var fused = o.Fusion == FusionMethod.ReciprocalRank
                ? (Rrf(c.LexicalRank) + Rrf(c.VectorRank)) * 30.5 // scaled so that rank 1 on both sides is 1.0
                : (o.LexicalWeight * c.Lexical) + ((1 - o.LexicalWeight) * c.Vector);
            return (c.Passage, fused, c.Lexical, c.Vector);
        }).ToList();

        static double Rrf(int rank) => rank < 0 ? 0 : 1.0 / (60 + rank + 1);
    }

    private async Task<LexicalIndex> GetLexicalIndexAsync(string businessId, CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(businessId, cancellationToken).ConfigureAwait(false);
        var refreshAfter = TimeSpan.FromSeconds(options.Value.LexicalRefreshSeconds);
        if (_lexical.TryGetValue(businessId, out var cached) && cached.Version == version && _time.GetUtcNow().UtcDateTime - cached.BuiltAtUtc < refreshAfter)
        {
            return cached;
        }
        var passages = await store.ListAsync(businessId, cancellationToken).ConfigureAwait(false);
        var index = new LexicalIndex(passages, version);
        _lexical[businessId] = index;
        return index;
    }
}
