using System.Collections.Concurrent;
using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Pairs each business's current profile (from the directory) with its replies and its
/// classifier. Examples and custom replies edited in the admin live in Redis
/// (<see cref="BusinessCustomizationStore"/>); the pack's are the starting point before the admin
/// has seeded them. The classifier is trained in memory and rebuilt only when the
/// customization's version changes, so a turn costs one small read.
/// </summary>
public sealed class BusinessContextProvider(BusinessDirectory directory, BusinessPackCatalog packs, BusinessCustomizationStore customization)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Customized>>> _cache = new(StringComparer.Ordinal);

    public async Task<BusinessContext?> GetAsync(string businessId)
    {
        var profile = await directory.GetAsync(businessId);
        if (profile is null)
        {
            return null;
        }

        var version = await customization.GetVersionAsync(businessId);
        var entry = _cache.GetOrAdd(businessId, id => new Lazy<Task<Customized>>(() => BuildAsync(id, version)));
        var customized = await entry.Value;
        if (customized.Version != version)
        {
            var fresh = new Lazy<Task<Customized>>(() => BuildAsync(businessId, version));
            customized = await _cache.AddOrUpdate(businessId, fresh, (_, current) => current == entry ? fresh : current).Value;
        }
        return new BusinessContext(profile, customized.Responses, customized.Classifier);
    }

    /// <summary>Trains every pack business's classifier now, so the first customer does not wait for it.</summary>
    public async Task WarmAsync()
    {
        foreach (var pack in packs.All)
        {
            await GetAsync(pack.Profile.Id);
        }
    }

    private async Task<Customized> BuildAsync(string businessId, long version)
    {
        var pack = packs.Find(businessId);
        IReadOnlyList<LabelledExample> examples = pack?.Examples ?? [];
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> responses = pack?.Responses ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (version > 0)
        {
            examples = await customization.GetExamplesAsync(businessId);
            responses = await customization.GetResponsesAsync(businessId);
        }

        var basis = pack is null
            ? null
            : pack with { Examples = examples, Responses = responses };
        var classifier = await Task.Run(() => basis is null && examples.Count == 0
            ? IntentClassifierFactory.Create()
            : IntentClassifierFactory.Create(basis ?? new BusinessPack(new BusinessProfile
            {
                Id = businessId, Name = businessId, PhoneNumberId = "-", Timezone = "UTC", Languages = ["it"],
            }, [], examples, responses)));
        return new Customized(version, responses, classifier);
    }

    private sealed record Customized(long Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Responses, IntentClassifier Classifier);
}
