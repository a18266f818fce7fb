namespace Assistant.Core.Knowledge.Stores;

internal static class PassageOwnership
{
    /// <summary>A write for one business must not carry another's passages.</summary>
    public static void Check(string businessId, IReadOnlyList<EmbeddedPassage> passages, int dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessId);
        foreach (var p in passages)
        {
            if (!string.Equals(p.Passage.BusinessId, businessId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Passage {p.Passage.Id} belongs to '{p.Passage.BusinessId}', not '{businessId}'.", nameof(passages));
            }
            if (p.Vector.Length != dimensions)
            {
                throw new ArgumentException($"Passage {p.Passage.Id} has a {p.Vector.Length}-d vector; the index is {dimensions}-d.", nameof(passages));
            }
        }
    }
}
