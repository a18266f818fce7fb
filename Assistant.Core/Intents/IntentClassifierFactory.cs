using System.Collections.Concurrent;
using Assistant.Core.Businesses;

namespace Assistant.Core.Intents;

/// <summary>
/// Builds intent classifiers: the built-in examples plus a business pack's <c>intents.jsonl</c>,
/// whose examples count several times because they are the business's own words. One classifier
/// per business is cached; a pack whose examples changed gets a new one. Built-in examples also
/// train with courtesy copies (<see cref="CourtesyAugmenter"/>).
/// </summary>
public static class IntentClassifierFactory
{
    /// <summary>How many times a pack's example counts against one built-in example.</summary>
    public const int PackExampleWeight = 3;

    /// <summary>
    /// Models per business classifier, differing only in their shuffle seed, whose probabilities are
    /// averaged: three cost ~3x the build time (in parallel) and ~1.3x the prediction time and
    /// were +1.7 points of accuracy on the development corpus (BENCHMARKS.md).
    /// </summary>
    public const int EnsembleSize = 3;

    private const string NoBusinessKey = "";
    private static readonly ConcurrentDictionary<string, CacheEntry> Cache = new(StringComparer.Ordinal);

    /// <summary>The cached classifier for <paramref name="pack"/> (null: the built-in examples only).</summary>
    public static IntentClassifier Create(BusinessPack? pack = null)
    {
        var key = pack?.Profile.Id ?? NoBusinessKey;
        var fingerprint = Fingerprint(pack);
        var entry = Cache.AddOrUpdate(
            key,
            _ => new CacheEntry(fingerprint, new Lazy<IntentClassifier>(() => Build(pack))),
            (_, existing) => existing.Fingerprint == fingerprint
                ? existing
                : new CacheEntry(fingerprint, new Lazy<IntentClassifier>(() => Build(pack))));
        return entry.Classifier.Value;
    }

    /// <summary>
    /// A new, uncached classifier for <paramref name="pack"/>: the built-in examples, the pack's
    /// own examples and the weakly-labelled examples made from its knowledge files
    /// (<see cref="PackExampleGenerator"/>).
    /// </summary>
    public static IntentClassifier Build(BusinessPack? pack, LinearTextClassifierOptions? options = null) =>
        Build(pack, derivedExamples: true, options);

    /// <summary>
    /// As <see cref="Build(BusinessPack?, LinearTextClassifierOptions?)"/>; <paramref name="derivedExamples"/>
    /// false leaves out the examples made from the knowledge files (to measure what they bring).
    /// <see cref="EnsembleSize"/> models that differ only in their shuffle seed are trained in
    /// parallel and their probabilities averaged, then mixed with the nearest of the same examples
    /// (<see cref="NearestExampleClassifier"/>).
    /// </summary>
    public static IntentClassifier Build(BusinessPack? pack, bool derivedExamples, LinearTextClassifierOptions? options = null)
    {
        options ??= new LinearTextClassifierOptions();
        var derived = derivedExamples ? PackExampleGenerator.Generate(pack) : [];
        var models = Enumerable.Range(0, EnsembleSize).AsParallel().AsOrdered()
            .Select(i => BuildModel(TrainingCorpus.All, pack?.Examples ?? [], options with { Seed = options.Seed + i }, derivedExamples: derived))
            .ToArray();
        var remembered = TrainingCorpus.All.Select(e => (e.Text, Label: e.Intent))
            .Concat(derived.Concat(pack?.Examples ?? []).Where(e => IntentIds.IsKnown(e.Intent)).Select(e => (e.Text, Label: e.Intent)))
            .ToList();
        return new(models[0], models[1..], new NearestExampleClassifier(remembered, models[0].Labels));
    }

    /// <summary>
    /// A new, uncached classifier from the built-in examples plus <paramref name="businessExamples"/>;
    /// examples whose intent is not one of the 21 ids are ignored.
    /// </summary>
    public static IntentClassifier Build(IEnumerable<LabelledExample> businessExamples, LinearTextClassifierOptions? options = null) =>
        Build(TrainingCorpus.All, businessExamples, options);

    /// <summary>A new classifier from exactly these built-in examples plus the business's (used to measure on held-out examples).</summary>
    public static IntentClassifier Build(IEnumerable<TrainingExample> builtIn, IEnumerable<LabelledExample> businessExamples, LinearTextClassifierOptions? options = null, ISentenceEmbedder? embedder = null) =>
        new(BuildModel(builtIn, businessExamples, options, embedder));

    /// <summary>The bare model behind <see cref="Build(IEnumerable{TrainingExample}, IEnumerable{LabelledExample}, LinearTextClassifierOptions?, ISentenceEmbedder?)"/>.</summary>
    public static LinearTextClassifier BuildModel(IEnumerable<TrainingExample> builtIn, IEnumerable<LabelledExample> businessExamples, LinearTextClassifierOptions? options = null, ISentenceEmbedder? embedder = null, IEnumerable<LabelledExample>? derivedExamples = null)
    {
        var examples = builtIn.Select(e => (e.Text, Label: e.Intent)).ToList();
        foreach (var example in builtIn)
        {
            examples.AddRange(CourtesyAugmenter.CopiesOf(example.Text, example.Intent, example.Language));
        }
        foreach (var example in derivedExamples ?? [])
        {
            if (IntentIds.IsKnown(example.Intent))
            {
                examples.Add((example.Text, example.Intent));
            }
        }
        foreach (var example in businessExamples)
        {
            if (!IntentIds.IsKnown(example.Intent))
            {
                continue;
            }
            for (var i = 0; i < PackExampleWeight; i++)
            {
                examples.Add((example.Text, example.Intent));
            }
        }
        return LinearTextClassifier.Train(examples, options, embedder);
    }

    private static string Fingerprint(BusinessPack? pack) =>
        pack is null || (pack.Examples.Count == 0 && pack.Knowledge.Count == 0)
            ? string.Empty
            : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(
                    string.Join('\n', pack.Examples.Select(e => e.Intent + "\t" + e.Text))
                    + "\n\u0001\n"
                    + string.Join('\n', pack.Knowledge.Select(k => k.Name + "\t" + k.Content)))));

    private sealed record CacheEntry(string Fingerprint, Lazy<IntentClassifier> Classifier);
}
