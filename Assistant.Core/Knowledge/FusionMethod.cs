namespace Assistant.Core.Knowledge;

public enum FusionMethod
{
    /// <summary>Min-max normalised scores, weighted by <see cref="KnowledgeOptions.LexicalWeight"/>.</summary>
    Weighted,

    /// <summary>Reciprocal rank fusion (k = 60), scores ignored.</summary>
    ReciprocalRank,
}
