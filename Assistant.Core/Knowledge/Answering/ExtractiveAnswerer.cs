using System.Text;
using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Knowledge.Text;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// Builds an answer without a language model: the sentences, list items and table rows of the
/// best passages that match the question most, quoted verbatim (times and prices survive), after a
/// short lead-in in the customer's language and before the cited section. Abstains, offering a
/// colleague, when retrieval says the knowledge base does not answer.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<KnowledgeOptions> options)
{
    private const int MaxUnits = 4;
    private const int MaxCharacters = 800;
    // The statement that answers is often in the second or third passage (a price list below a
    // service description): those are quoted when their statements match, at a small discount.
    private const int QuotedPassages = 3;
    private const double LowerPassageRatio = 0.6;
    private const double LowerPassageDiscount = 0.85;
    private const double KeepRatio = 0.5;

    public ExtractiveAnswer Answer(RetrievalResult retrieval, string? language, bool friendlyTone = false, double autoSendMinConfidence = 0.7)
    {
        if (!retrieval.IsAnswerable || retrieval.Passages.Count == 0)
        {
            return new ExtractiveAnswer(AnswerLanguage.Abstain(language, friendlyTone), true, retrieval.Confidence, [], false);
        }

        var top = retrieval.Passages[0];
        var candidates = new List<(RetrievedPassage Passage, AnswerUnit Unit, double Score)>();
        foreach (var (passage, rank) in retrieval.Passages.Take(QuotedPassages).Select((p, i) => (p, i)))
        {
            if (rank > 0 && passage.Score < LowerPassageRatio * top.Score)
            {
                continue;
            }
            var contextTerms = Tokenizer.Terms(passage.Passage.Context).ToHashSet(StringComparer.Ordinal);
            var units = AnswerUnits.Of(passage.Passage.Text);
            var shared = AnswerUnits.SharedTerms(passage.Passage, units);
            foreach (var unit in units)
            {
                var terms = Tokenizer.Terms(unit.MatchText).ToHashSet(StringComparer.Ordinal);
                var offered = AnswerKinds.Of(unit.Text);
                var own = StatementScorer.Score(retrieval.Concepts, retrieval.ExpectedKinds, terms.Contains, offered, t => terms.Contains(t) || shared.Contains(t));
                var withContext = StatementScorer.Score(retrieval.Concepts, retrieval.ExpectedKinds, t => terms.Contains(t) || contextTerms.Contains(t), offered, t => terms.Contains(t) || shared.Contains(t));
                // Words of the unit itself count most; the heading helps break ties between rows of one table.
                var score = ((0.8 * own) + (0.2 * withContext)) * Math.Pow(LowerPassageDiscount, rank);
                candidates.Add((passage, unit, score));
            }
        }

        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Score);
        var chosen = new List<(RetrievedPassage Passage, AnswerUnit Unit, double Score)>();
        var length = 0;
        foreach (var candidate in candidates.OrderByDescending(c => c.Score))
        {
            if (chosen.Count == MaxUnits || (chosen.Count > 0 && (candidate.Score < KeepRatio * best || candidate.Score <= 0)))
            {
                break;
            }
            if (chosen.Count > 0 && length + candidate.Unit.Text.Length > MaxCharacters)
            {
                continue;
            }
            chosen.Add(candidate);
            length += candidate.Unit.Text.Length;
        }
        if (chosen.Count == 0)
        {
            return new ExtractiveAnswer(AnswerLanguage.Abstain(language, friendlyTone), true, retrieval.Confidence, [], false);
        }

        // Quote in reading order: passage by passage, unit by unit.
        var ordered = chosen
            .OrderBy(c => retrieval.Passages.ToList().IndexOf(c.Passage))
            .ThenBy(c => c.Unit.Position)
            .ToList();
        var sources = ordered.Select(c => new KnowledgeSource(c.Passage.Passage.FileName, c.Passage.Passage.Section.Length > 0 ? c.Passage.Passage.Section : c.Passage.Passage.Title))
            .Distinct()
            .ToList();

        var text = new StringBuilder(AnswerLanguage.LeadIn(language)).Append('\n');
        foreach (var c in ordered)
        {
            text.Append("• ").Append(c.Unit.Text).Append('\n');
        }
        text.Append(AnswerLanguage.Source(language, string.Join("; ", sources.Select(s => s.Section).Distinct(StringComparer.Ordinal))));

        var confidence = retrieval.Confidence;
        var threshold = Math.Max(autoSendMinConfidence, options.Value.MinConfidence);
        return new ExtractiveAnswer(text.ToString(), false, confidence, sources, confidence < threshold);
    }
}
