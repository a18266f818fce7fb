using System.Collections.Frozen;
using Assistant.Core.Businesses;
using Assistant.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Assistant.Worker.Conversations;

/// <summary>
/// The packs under <c>Assistant:PacksPath</c>, read once: their extra intent examples, custom
/// responses and knowledge files. A business created in the admin has no pack and uses the defaults.
/// </summary>
public sealed class BusinessPackCatalog
{
    private readonly Lazy<FrozenDictionary<string, BusinessPack>> _packs;

    public BusinessPackCatalog(IOptions<AssistantOptions> options)
    {
        var path = options.Value.PacksPath;
        _packs = new Lazy<FrozenDictionary<string, BusinessPack>>(() =>
            string.IsNullOrWhiteSpace(path) || !Directory.Exists(path)
                ? FrozenDictionary<string, BusinessPack>.Empty
                : BusinessPackLoader.LoadAll(path).ToFrozenDictionary(p => p.Profile.Id, StringComparer.Ordinal));
    }

    public IReadOnlyCollection<BusinessPack> All => _packs.Value.Values;

    public BusinessPack? Find(string businessId) => _packs.Value.GetValueOrDefault(businessId);
}
