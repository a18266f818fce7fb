namespace Assistant.Core.Intents;

/// <summary>
/// Text to sparse features: stemmed word unigrams and bigrams (with start and end markers),
/// character 3- to 5-grams of each normalised word with word-boundary marks, and a length
/// bucket. Each group is scaled to unit length and weighted, so that a long message's many
/// character n-grams do not drown its few words. Features are 32-bit FNV-1a hashes of their
/// text; the model keeps weights only for hashes seen in training.
/// </summary>
public static class FeatureExtractor
{
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.6f;
    private const float CharWeight = 0.6f;
    private const float LengthWeight = 0.3f;
    private const float ConceptWeight = 0.8f;
    private const float EmbeddingWeight = 1.0f;
    private const int MinimumGram = 3;
    private const int MaximumGram = 5;

    /// <summary>Features of <paramref name="text"/>, stemming for <paramref name="language"/> ("en" or anything else → Italian rules).</summary>
    public static SparseFeatures Extract(string text, string? language, float[]? embedding = null)
    {
        var tokens = TextNormalizer.Tokenize(text);
        var words = new Dictionary<uint, float>();
        var bigrams = new Dictionary<uint, float>();
        var chars = new Dictionary<uint, float>();
        var concepts = new Dictionary<uint, float>();

        var previous = "^";
        foreach (var token in tokens)
        {
            var stem = Stemmer.Stem(token, language);
            Add(words, Hash('w', stem));
            Add(bigrams, Hash('b', previous, stem));
            previous = stem;
            if (!token.StartsWith('_') && !token.StartsWith("emo_", StringComparison.Ordinal))
            {
                AddCharGrams(chars, token);
                foreach (var concept in ConceptLexicon.ConceptsOf(token))
                {
                    Add(concepts, Hash('k', concept));
                }
            }
        }
        if (tokens.Count > 0)
        {
            Add(bigrams, Hash('b', previous, "$"));
        }

        var keys = new List<uint>(words.Count + bigrams.Count + chars.Count + 1);
        var values = new List<float>(keys.Capacity);
        Append(words, UnigramWeight, keys, values);
        Append(bigrams, BigramWeight, keys, values);
        Append(chars, CharWeight, keys, values);
        Append(concepts, ConceptWeight, keys, values);
        keys.Add(Hash('l', LengthBucket(tokens.Count)));
        values.Add(LengthWeight);
        if (embedding is not null)
        {
            for (var i = 0; i < embedding.Length; i++)
            {
                keys.Add(Hash('e', i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                values.Add(embedding[i] * EmbeddingWeight);
            }
        }
        return new SparseFeatures([.. keys], [.. values]);
    }

    private static string LengthBucket(int tokens) => tokens switch
    {
        0 => "0",
        1 => "1",
        2 => "2",
        <= 4 => "3-4",
        <= 8 => "5-8",
        <= 16 => "9-16",
        _ => "17+",
    };

    private static void AddCharGrams(Dictionary<uint, float> chars, string token)
    {
        var marked = "<" + token + ">";
        for (var n = MinimumGram; n <= MaximumGram; n++)
        {
            for (var i = 0; i + n <= marked.Length; i++)
            {
                Add(chars, Hash('c', marked.AsSpan(i, n)));
            }
        }
    }

    private static void Add(Dictionary<uint, float> group, uint key) =>
        group[key] = group.GetValueOrDefault(key) + 1;

    private static void Append(Dictionary<uint, float> group, float weight, List<uint> keys, List<float> values)
    {
        if (group.Count == 0)
        {
            return;
        }
        var norm = 0f;
        foreach (var value in group.Values)
        {
            norm += value * value;
        }
        var scale = weight / MathF.Sqrt(norm);
        foreach (var (key, value) in group)
        {
            keys.Add(key);
            values.Add(value * scale);
        }
    }

    private static uint Hash(char kind, ReadOnlySpan<char> text) => Hash(Hash(2166136261, kind), text);

    private static uint Hash(char kind, string first, string second) =>
        Hash(Hash(Hash(Hash(2166136261, kind), first), ' '), second);

    private static uint Hash(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Hash(hash, c);
        }
        return hash;
    }

    private static uint Hash(uint hash, char c)
    {
        hash = (hash ^ (uint)(c & 0xFF)) * 16777619;
        return (hash ^ (uint)(c >> 8)) * 16777619;
    }
}
