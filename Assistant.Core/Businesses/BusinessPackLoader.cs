using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assistant.Core.Businesses;

/// <summary>Reads and validates business pack folders.</summary>
public static partial class BusinessPackLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every pack directly below <paramref name="packsPath"/> (a folder with a business.json).</summary>
    public static IReadOnlyList<BusinessPack> LoadAll(string packsPath)
    {
        if (!Directory.Exists(packsPath))
        {
            throw new BusinessPackException($"Packs folder '{packsPath}' does not exist.");
        }

        // A packs path may also point straight at one pack.
        if (File.Exists(Path.Combine(packsPath, "business.json")))
        {
            return [Load(packsPath)];
        }

        return Directory.EnumerateDirectories(packsPath)
            .Where(d => File.Exists(Path.Combine(d, "business.json")))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    public static BusinessPack Load(string packPath)
    {
        var profile = ReadProfile(Path.Combine(packPath, "business.json"));
        var knowledgeDir = Path.Combine(packPath, "knowledge");
        var knowledge = Directory.Exists(knowledgeDir)
            ? Directory.EnumerateFiles(knowledgeDir)
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => new KnowledgeFile(Path.GetFileName(f), File.ReadAllText(f)))
                .ToList()
            : [];
        return new BusinessPack(profile, knowledge, ReadExamples(Path.Combine(packPath, "intents.jsonl")), ReadResponses(Path.Combine(packPath, "responses.json")));
    }

    public static BusinessProfile ReadProfile(string path)
    {
        BusinessProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<BusinessProfile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new BusinessPackException($"{path}: {ex.Message}", ex);
        }

        if (profile is null)
        {
            throw new BusinessPackException($"{path}: empty.");
        }

        Validate(profile, path);
        return profile;
    }

    public static void Validate(BusinessProfile profile, string where)
    {
        if (!IdPattern().IsMatch(profile.Id))
        {
            throw new BusinessPackException($"{where}: id '{profile.Id}' must match [a-z0-9-]+.");
        }
        if (string.IsNullOrWhiteSpace(profile.Name) || string.IsNullOrWhiteSpace(profile.PhoneNumberId))
        {
            throw new BusinessPackException($"{where}: name and phoneNumberId are required.");
        }
        if (profile.Languages.Count == 0)
        {
            throw new BusinessPackException($"{where}: languages needs at least one language (the first is the default).");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(profile.Timezone, out _))
        {
            throw new BusinessPackException($"{where}: timezone '{profile.Timezone}' is not a known IANA time zone.");
        }
        if (profile.Handoff.AutoSendMinConfidence is < 0 or > 1)
        {
            throw new BusinessPackException($"{where}: handoff.autoSendMinConfidence must be between 0 and 1.");
        }
        if (profile.ReEngagementTemplate is { } template)
        {
            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
            {
                throw new BusinessPackException($"{where}: reEngagementTemplate needs a name and a language (as approved in WhatsApp Manager).");
            }
            // Meta rejects an empty parameter only when the template is sent, days later: catch it at load.
            if (template.BodyParameters is null || template.BodyParameters.Any(string.IsNullOrWhiteSpace))
            {
                throw new BusinessPackException($"{where}: reEngagementTemplate.bodyParameters must be a list of non-empty texts.");
            }
        }
    }

    private static List<LabelledExample> ReadExamples(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var examples = new List<LabelledExample>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var example = JsonSerializer.Deserialize<LabelledExample>(line, Json);
                if (example is { Text.Length: > 0, Intent.Length: > 0 })
                {
                    examples.Add(example);
                }
            }
            catch (JsonException ex)
            {
                throw new BusinessPackException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return examples;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadResponses(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path), Json) ?? [];
            return raw.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new BusinessPackException($"{path}: {ex.Message}", ex);
        }
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();
}
