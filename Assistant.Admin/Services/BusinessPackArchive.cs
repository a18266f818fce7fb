using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Assistant.Core.Businesses;

namespace Assistant.Admin.Services;

/// <summary>
/// A business pack (CONTRACTS.md section 3) as a zip: read through <see cref="BusinessPackLoader"/>
/// after extraction to a private temporary folder (so an import is validated exactly like a folder
/// at start), written from what Redis holds.
/// </summary>
public static class BusinessPackArchive
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly JsonSerializerOptions JsonLine = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a pack zip; the pack may sit at the root or in one top folder. Throws <see cref="BusinessPackException"/>.</summary>
    public static BusinessPack Read(Stream zip, long maxBytes)
    {
        var folder = Directory.CreateTempSubdirectory("assistant-pack-import-");
        try
        {
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Read))
            {
                long total = 0;
                foreach (var entry in archive.Entries)
                {
                    total += entry.Length;
                    if (total > maxBytes)
                    {
                        throw new BusinessPackException($"The pack expands to more than {maxBytes} bytes.");
                    }
                    var target = Path.GetFullPath(Path.Combine(folder.FullName, entry.FullName));
                    // Entries such as "../x" must not escape the folder (zip slip).
                    if (!target.StartsWith(folder.FullName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        throw new BusinessPackException($"Entry '{entry.FullName}' points outside the pack.");
                    }
                    if (entry.FullName.EndsWith('/'))
                    {
                        Directory.CreateDirectory(target);
                        continue;
                    }
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }
            var root = File.Exists(Path.Combine(folder.FullName, "business.json"))
                ? folder.FullName
                : Directory.EnumerateDirectories(folder.FullName).SingleOrDefault(d => File.Exists(Path.Combine(d, "business.json")))
                    ?? throw new BusinessPackException("The zip has no business.json at its root or in one top folder.");
            return BusinessPackLoader.Load(root);
        }
        catch (InvalidDataException ex)
        {
            throw new BusinessPackException("Not a valid zip file: " + ex.Message, ex);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static byte[] Write(BusinessPack pack)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "business.json", JsonSerializer.Serialize(pack.Profile, Json));
            foreach (var file in pack.Knowledge)
            {
                Add(archive, "knowledge/" + file.Name, file.Content);
            }
            if (pack.Examples.Count > 0)
            {
                Add(archive, "intents.jsonl", string.Concat(pack.Examples.Select(e => JsonSerializer.Serialize(e, JsonLine) + "\n")));
            }
            if (pack.Responses.Count > 0)
            {
                Add(archive, "responses.json", JsonSerializer.Serialize(pack.Responses, Json));
            }
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive archive, string name, string content)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
