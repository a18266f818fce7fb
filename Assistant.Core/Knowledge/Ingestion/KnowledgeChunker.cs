using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Businesses;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// Splits markdown (and plain text) along headings into passages. A table, a list or a paragraph
/// is never cut; a long section is split between those blocks so that each passage stays about
/// the size an answer is drawn from.
/// </summary>
public sealed class KnowledgeChunker
{
    /// <summary>Bumped when the splitting rules change, so that stored passages are rebuilt.</summary>
    public const string Version = "chunker-1";

    /// <summary>A section longer than this is split between blocks.</summary>
    public int TargetCharacters { get; init; } = 700;

    public static string HashOf(KnowledgeFile file)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Version + "\n" + file.Content.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return Convert.ToHexStringLower(bytes)[..32];
    }

    public IReadOnlyList<Passage> Split(string businessId, KnowledgeFile file)
    {
        var hash = HashOf(file);
        var sections = MarkdownBlocks.Sections(file.Content);
        var title = sections.FirstOrDefault(s => s.Level == 1)?.Heading ?? Path.GetFileNameWithoutExtension(file.Name);

        var passages = new List<Passage>();
        foreach (var section in sections)
        {
            var sectionPath = string.Join(" › ", section.Path.Where(h => h != title));
            foreach (var text in Group(section.Blocks))
            {
                var ordinal = passages.Count;
                passages.Add(new Passage
                {
                    Id = IdOf(businessId, file.Name, hash, ordinal),
                    BusinessId = businessId,
                    FileName = file.Name,
                    FileHash = hash,
                    Ordinal = ordinal,
                    Title = title,
                    Section = sectionPath,
                    Text = text,
                });
            }
        }
        return passages;
    }

    private IEnumerable<string> Group(IReadOnlyList<string> blocks)
    {
        var current = new StringBuilder();
        foreach (var block in blocks)
        {
            if (current.Length > 0 && current.Length + block.Length > TargetCharacters)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append("\n\n");
            }
            current.Append(block);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static Guid IdOf(string businessId, string fileName, string hash, int ordinal)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{businessId}\n{fileName}\n{hash}\n{ordinal}"));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
