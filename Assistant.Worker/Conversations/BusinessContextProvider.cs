using System.Collections.Concurrent;
using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Pairs each business's current profile (from the directory) with its replies and its
/// classifier. Examples and custom replies edited in the admin live in Redis
/// (<see cref="BusinessCustomizationStore"/>); the pack's are the starting point before the admin
/// has seeded them. The classifier is trained in memory and rebuilt only when the version of
/// the customization or of the knowledge files changes, so a turn costs two small reads.
/// </summary>
public sealed class BusinessContextProvider(
    BusinessDirectory directory,
    BusinessPackCatalog packs,
    BusinessCustomizationStore customization,
    KnowledgeFileStore knowledgeFiles)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Customized>>> _cache = new(StringComparer.Ordinal);

    public async Task<BusinessContext?> GetAsync(string businessId)
    {
        var profile = await directory.GetAsync(businessId);
        if (profile is null)
        {
            return null;
        }

        // The classifier also learns the business's vocabulary from its knowledge files, so an edit of either rebuilds it.
        var version = (await customization.GetVersionAsync(businessId), await knowledgeFiles.GetVersionAsync(businessId));
        var entry = _cache.GetOrAdd(businessId, id => new Lazy<Task<Customized>>(() => BuildAsync(id, version)));
        var customized = await entry.Value;
        if (customized.Version != version)
        {
            var fresh = new Lazy<Task<Customized>>(() => BuildAsync(businessId, version));
            customized = await _cache.AddOrUpdate(businessId, fresh, (_, current) => current == entry ? fresh : current).Value;
        }
        return new BusinessContext(profile, customized.Responses, customized.Classifier);
    }

    private async Task<Customized> BuildAsync(string businessId, (long Customization, long Knowledge) version)
    {
        var pack = packs.Find(businessId);
        IReadOnlyList<LabelledExample> examples = pack?.Examples ?? [];
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> responses = pack?.Responses ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        IReadOnlyList<KnowledgeFile> knowledge = pack?.Knowledge ?? [];
        if (version.Customization > 0)
        {
            examples = await customization.GetExamplesAsync(businessId);
            responses = await customization.GetResponsesAsync(businessId);
        }
        if (version.Knowledge > 0)
        {
            knowledge = await knowledgeFiles.GetAllAsync(businessId);
        }

        var basis = pack is null
            ? null
            : pack with { Examples = examples, Responses = responses, Knowledge = knowledge };
        var classifier = await Task.Run(() => basis is null && examples.Count == 0 && knowledge.Count == 0
            ? IntentClassifierFactory.Create()
            : IntentClassifierFactory.Create(basis ?? new BusinessPack(new BusinessProfile
            {
                Id = businessId, Name = businessId, PhoneNumberId = "-", Timezone = "UTC", Languages = ["it"],
            }, knowledge, examples, responses)));
        return new Customized(version, responses, classifier);
    }

    private sealed record Customized((long Customization, long Knowledge) Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Responses, IntentClassifier Classifier);
}
