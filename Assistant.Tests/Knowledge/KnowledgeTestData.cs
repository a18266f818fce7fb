using Assistant.Core.Businesses;
using Assistant.Core.Knowledge;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Knowledge;

internal static class KnowledgeTestData
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The dental clinic sample pack: a business none of the code was written against.</summary>
    public static BusinessPack Aurora => BusinessPackLoader.Load(Path.Combine(RepositoryRoot, "packs", "studio-dentistico-aurora"));

    public static Passage Passage(string businessId, string file, int ordinal, string text, string section = "") => new()
    {
        Id = Guid.NewGuid(),
        BusinessId = businessId,
        FileName = file,
        FileHash = "h",
        Ordinal = ordinal,
        Title = "Title",
        Section = section,
        Text = text,
    };

    public static EmbeddedPassage Embedded(string businessId, string file, int ordinal, string text, int dimensions) =>
        new(Passage(businessId, file, ordinal, text), CountingEmbeddingGenerator.Vector(text, dimensions));
}
