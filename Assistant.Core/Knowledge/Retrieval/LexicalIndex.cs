using Assistant.Core.Intents;
using Assistant.Core.Knowledge.Text;

namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// BM25 over the passages of one business. Title and section words count twice (a passage is
/// about what its heading says). Also answers "which question words does this passage contain",
/// the basis of the answerability signal.
/// </summary>
public sealed class LexicalIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double ContextWeight = 2.0;
    private const double EquivalentWeight = 0.7;
    private const double RootWeight = 0.8;
    private const int MinRootLength = 5;
    private const double UnseenContextWeight = 0.4;

    private readonly Passage[] _passages;
    private readonly Dictionary<string, double>[] _termFrequencies;
    private readonly double[] _lengths;
    private readonly double _averageLength;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly string[] _vocabulary;
    private readonly Dictionary<Guid, int> _byId = [];

    public LexicalIndex(IReadOnlyList<Passage> passages, long version = 0)
    {
        Version = version;
        _passages = [.. passages];
        _termFrequencies = new Dictionary<string, double>[_passages.Length];
        _lengths = new double[_passages.Length];
        for (var i = 0; i < _passages.Length; i++)
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var term in Tokenizer.Terms(_passages[i].Text))
            {
                tf[term] = tf.GetValueOrDefault(term) + 1;
            }
            foreach (var term in Tokenizer.Terms(_passages[i].Context))
            {
                tf[term] = tf.GetValueOrDefault(term) + ContextWeight;
            }
            _termFrequencies[i] = tf;
            _byId[_passages[i].Id] = i;
            _lengths[i] = tf.Values.Sum();
            foreach (var term in tf.Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
        _averageLength = _passages.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
        Language = LanguageDetector.Detect(string.Join('\n', _passages.Take(200).Select(p => p.Text)));
        _vocabulary = [.. _documentFrequency.Keys.Order(StringComparer.Ordinal)];
        MaxIdf = Idf(0);
    }

    public long Version { get; }

    /// <summary>Main language of the passages ("it", "en", ...: <see cref="LanguageDetector"/>, the one that also tells the classifier and the replies the language), or null.</summary>
    public string? Language { get; }

    public DateTime BuiltAtUtc { get; } = DateTime.UtcNow;

    public IReadOnlyList<Passage> Passages => _passages;

    /// <summary>The idf of a word no passage contains.</summary>
    public double MaxIdf { get; }

    public double Idf(string term) => Idf(_documentFrequency.GetValueOrDefault(term));

    private double Idf(int df) => Math.Log(1 + ((_passages.Length - df + 0.5) / (df + 0.5)));

    /// <summary>
    /// The question's informative words with their variants and weights. A word no passage
    /// contains in any form still counts for answerability: in the language of the passages it
    /// means the business never wrote about it (full weight); in another language it more likely
    /// means the glossary has no translation for it (low weight). Numbers the customer types
    /// (a time, an amount) weigh less: they are often the customer's own, not facts to find.
    /// Each word also carries its role (a name or not) and whether it is part of what is asked.
    /// </summary>
    public IReadOnlyList<QueryConcept> Analyze(string question) => Analyze(question, QuestionShape.Expected(question).Cues);

    public IReadOnlyList<QueryConcept> Analyze(string question, IReadOnlySet<string> kindCues)
    {
        var named = QuestionShape.NamedTerms(question);
        var focus = QuestionShape.FocusTerms(question);
        var questionLanguage = LanguageDetector.Detect(question);
        var unknownWeight = questionLanguage is not null && Language is not null && questionLanguage != Language ? 0.3 : 1.0;
        var concepts = new List<QueryConcept>();
        foreach (var term in Tokenizer.Terms(question).Distinct(StringComparer.Ordinal))
        {
            var variants = new Dictionary<string, double>(StringComparer.Ordinal) { [term] = 1.0 };
            foreach (var equivalent in BusinessGlossary.Equivalents(term))
            {
                variants.TryAdd(equivalent, EquivalentWeight);
            }
            foreach (var root in SharedRoots(term))
            {
                variants.TryAdd(root, RootWeight);
            }

            var isNumber = char.IsDigit(term[0]);
            var known = variants.Keys.Where(_documentFrequency.ContainsKey).ToList();
            var isEntity = !isNumber && named.Contains(term);
            var isFocus = focus.Contains(term);
            // An unseen word the question asks for (the focus) or names is what the knowledge base
            // lacks; an unseen word elsewhere is more often the customer's own wording.
            var weight = known.Count > 0 ? known.Max(Idf) : (isFocus || isEntity ? 1.0 : UnseenContextWeight) * unknownWeight * MaxIdf;
            if (isNumber)
            {
                weight *= 0.4;
            }
            concepts.Add(new QueryConcept(term, variants, weight, isNumber, isEntity ? ConceptRole.Entity : ConceptRole.Attribute, kindCues.Contains(term), isFocus));
        }
        return concepts;
    }

    /// <summary>BM25 of every passage with a positive score, best first.</summary>
    public List<(int Index, double Score)> Search(IReadOnlyList<QueryConcept> concepts, int limit)
    {
        var scores = new double[_passages.Length];
        for (var i = 0; i < _passages.Length; i++)
        {
            var tf = _termFrequencies[i];
            var norm = K1 * (1 - B + (B * _lengths[i] / _averageLength));
            foreach (var concept in concepts)
            {
                // A concept counts once, by its best-matching variant, so a word with many
                // translations does not outweigh a word with none.
                var best = 0.0;
                foreach (var (variant, weight) in concept.Variants)
                {
                    if (tf.TryGetValue(variant, out var f))
                    {
                        best = Math.Max(best, weight * Idf(variant) * (f * (K1 + 1) / (f + norm)));
                    }
                }
                scores[i] += best * (concept.IsNumber ? 0.5 : 1.0);
            }
        }
        return scores.Select((s, i) => (i, s)).Where(x => x.s > 0).OrderByDescending(x => x.s).Take(limit).ToList();
    }

    /// <summary>Share of the question's weight whose words the passage (text or headings) contains.</summary>
    public double Coverage(IReadOnlyList<QueryConcept> concepts, Passage passage)
    {
        var index = IndexOf(passage);
        if (index >= 0)
        {
            return Coverage(concepts, _termFrequencies[index].ContainsKey);
        }
        var terms = Tokenizer.Terms(passage.EmbeddingText).ToHashSet(StringComparer.Ordinal);
        return Coverage(concepts, terms.Contains);
    }

    public static double Coverage(IReadOnlyList<QueryConcept> concepts, Func<string, bool> contains)
    {
        double total = 0, found = 0;
        foreach (var concept in concepts)
        {
            total += concept.Weight;
            var best = 0.0;
            foreach (var (variant, weight) in concept.Variants)
            {
                if (weight > best && contains(variant))
                {
                    best = weight;
                }
            }
            found += concept.Weight * best;
        }
        return total == 0 ? 0 : found / total;
    }

    /// <summary>
    /// The passages of the same file whose section contains this one's ("Branch" for "Branch ›
    /// Getting there"): a subsection is about what its parent section's text names.
    /// </summary>
    public IEnumerable<Passage> Ancestors(Passage passage) =>
        _passages.Where(p => p.FileName == passage.FileName && p.BusinessId == passage.BusinessId && p.Id != passage.Id
            && (p.Section.Length == 0 ? passage.Section.Length > 0 : passage.Section.StartsWith(p.Section + " › ", StringComparison.Ordinal)));

    public int IndexOf(Passage passage) => _byId.TryGetValue(passage.Id, out var i) ? i : -1;

    /// <summary>
    /// Index words that share a root with <paramref name="term"/>: longer or shorter forms
    /// ("condominio"/"condominiali") and sibling verb forms ("trattate"/"trattiamo") whose common
    /// prefix is at least five letters and all but the last three of the term.
    /// </summary>
    private IEnumerable<string> SharedRoots(string term)
    {
        if (term.Length < MinRootLength || char.IsDigit(term[0]))
        {
            yield break;
        }
        var stem = term[..MinRootLength];
        var start = Array.BinarySearch(_vocabulary, stem, StringComparer.Ordinal);
        start = start < 0 ? ~start : start;
        var needed = Math.Max(MinRootLength, term.Length - 3);
        for (var i = start; i < _vocabulary.Length && _vocabulary[i].StartsWith(stem, StringComparison.Ordinal); i++)
        {
            var word = _vocabulary[i];
            if (word != term && (word.StartsWith(term, StringComparison.Ordinal) || term.StartsWith(word, StringComparison.Ordinal) || CommonPrefix(word, term) >= needed))
            {
                yield return word;
            }
        }
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }
        return i;
    }
}
