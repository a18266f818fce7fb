using System.Collections.Concurrent;
using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Builds and caches each business's classifier (trained in memory on the built-in examples
/// plus the pack's own) and pairs it with the current profile from the directory.
/// </summary>
public sealed class BusinessContextProvider(BusinessDirectory directory, BusinessPackCatalog packs)
{
    private readonly ConcurrentDictionary<string, Lazy<IntentClassifier>> _classifiers = new(StringComparer.Ordinal);

    public async Task<BusinessContext?> GetAsync(string businessId)
    {
        var profile = await directory.GetAsync(businessId);
        if (profile is null)
        {
            return null;
        }
        var pack = packs.Find(businessId);
        var classifier = _classifiers.GetOrAdd(businessId, _ => new Lazy<IntentClassifier>(() => IntentClassifierFactory.Create(pack))).Value;
        return new BusinessContext(profile, pack?.Responses ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(), classifier);
    }

    /// <summary>Trains every known business's classifier now, so the first customer does not wait for it.</summary>
    public void Warm()
    {
        foreach (var pack in packs.All)
        {
            _ = _classifiers.GetOrAdd(pack.Profile.Id, _ => new Lazy<IntentClassifier>(() => IntentClassifierFactory.Create(pack))).Value;
        }
        _ = _classifiers.GetOrAdd(string.Empty, _ => new Lazy<IntentClassifier>(() => IntentClassifierFactory.Create())).Value;
    }
}
