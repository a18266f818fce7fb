using System.Text.RegularExpressions;
using Assistant.Core.Businesses;

namespace Assistant.Core.Intents;

/// <summary>
/// Weakly-labelled training examples made from a business's own knowledge files at build time,
/// so that the business's vocabulary ("otturazione", "trilocale", "piega") is known to the
/// classifier and is not left to whichever intent the built-in examples happened to use it in.
/// The nouns of the pack (table first cells, bold phrases, list-item leads, sub-headings) are put
/// into generic question templates of the intents that take an object (service, price, booking),
/// and section headings become questions of the intent their words point to. Proper nouns
/// (capitalised words after the first), numbers, e-mails and prices are never taken.
/// </summary>
public static partial class PackExampleGenerator
{
    private const int MaximumNouns = 120;
    private const int MaximumWords = 4;

    private static readonly string[] ServiceItalian =
    [
        "fate anche {0}?", "vi occupate di {0}?", "in cosa consiste {0}?", "come funziona {0}?",
        "offrite {0}?", "è possibile fare {0} da voi?", "{0}: di cosa si tratta esattamente?", "mi spiegate cosa comprende {0}?",
    ];

    private static readonly string[] PriceItalian =
    [
        "quanto costa {0}?", "che prezzo ha {0}?", "quanto si spende per {0}?", "costo di {0}?",
        "prezzi per {0}?", "quanto viene {0} più o meno?", "qual è la tariffa per {0}?", "{0} quanto costa?",
    ];

    private static readonly string[] BookingItalian =
    [
        "vorrei prenotare per {0}", "posso fissare un appuntamento per {0}?", "avete disponibilità per {0} la prossima settimana?",
        "vorrei un appuntamento per {0}", "quando posso venire per {0}? vorrei prenotare",
    ];

    private static readonly string[] ServiceEnglish = ["do you offer {0}?", "what does {0} involve?", "do you do {0}?"];
    private static readonly string[] PriceEnglish = ["how much is {0}?", "what's the price of {0}?", "how much does {0} cost?"];
    private static readonly string[] BookingEnglish = ["I'd like to book {0}", "can I get an appointment for {0}?"];

    /// <summary>Section-heading words that point to one intent (stems, accent-free, lower-case).</summary>
    private static readonly (string Intent, string[] Stems)[] HeadingIntents =
    [
        (IntentIds.UrgentIssue, ["urgenz", "emergenz", "reperibilit", "urgent", "emergenc"]),
        (IntentIds.OpeningHours, ["orari", "orario", "apertur", "chiusur", "festivit", "hours", "opening"]),
        (IntentIds.LocationDirections, ["dove siamo", "come arrivare", "parchegg", "indirizz", "raggiunger", "where", "directions", "parking"]),
        (IntentIds.PriceInquiry, ["prezz", "cost", "tariff", "listino", "provvigion", "onorari", "price", "fees"]),
        (IntentIds.PaymentQuestion, ["pagament", "pagare", "si paga", "rate", "assicuraz", "rimbors", "detrazion", "payment"]),
        (IntentIds.DocumentRequest, ["document", "certificat", "copie", "duplicat"]),
        (IntentIds.LegalPrivacy, ["privacy", "dati personali", "gdpr", "diritti", "legal", "contestazion"]),
        (IntentIds.BookingRequest, ["prenotare", "prenotazion", "booking"]),
        (IntentIds.ServiceInfo, ["servizi", "cosa facciamo", "trattament", "prestazion", "services"]),
    ];

    private static readonly HashSet<string> EdgeStopWords = new(StringComparer.Ordinal)
    {
        "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "della", "dei", "delle", "per", "con",
        "e", "o", "a", "in", "da", "su", "the", "a", "an", "of", "and", "or", "for", "with", "to", "non", "not", "solo", "anche",
    };

    /// <summary>The weakly-labelled examples of <paramref name="pack"/> (none for null or a pack without knowledge).</summary>
    public static IReadOnlyList<LabelledExample> Generate(BusinessPack? pack)
    {
        if (pack is null || pack.Knowledge.Count == 0)
        {
            return [];
        }
        var examples = new List<LabelledExample>();
        var nouns = new List<string>();
        var seenNouns = new HashSet<string>(StringComparer.Ordinal);
        var seenHeadings = new HashSet<string>(StringComparer.Ordinal);
        var businessName = pack.Profile.Name.ToLowerInvariant();

        foreach (var file in pack.Knowledge.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            // Nouns are taken only where the business describes what it offers (services, prices,
            // catalogue, FAQ), not from sections about hours, places, payments or privacy, whose
            // words belong to those intents already.
            string? fileIntent = null;
            string? sectionIntent = null;
            foreach (var rawLine in file.Content.Split('\n'))
            {
                var line = rawLine.Trim();
                var offers = (sectionIntent ?? fileIntent) is null or IntentIds.ServiceInfo or IntentIds.PriceInquiry;
                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    fileIntent = HeadingIntent(CleanHeading(line.TrimStart('#').Trim(), businessName, allowNames: true) ?? string.Empty);
                    sectionIntent = null;
                }
                else if (line.StartsWith("##", StringComparison.Ordinal))
                {
                    var heading = line.TrimStart('#').Trim();
                    var question = CleanHeading(heading, businessName, allowNames: false);
                    var headingIntent = HeadingIntent(CleanHeading(heading, businessName, allowNames: true) ?? string.Empty);
                    if (line.StartsWith("###", StringComparison.Ordinal))
                    {
                        // A sub-heading names an item (a listing, a treatment, a course).
                        if (offers)
                        {
                            foreach (var part in SplitParts(heading))
                            {
                                AddNoun(part, nouns, seenNouns, businessName);
                            }
                        }
                    }
                    else
                    {
                        sectionIntent = headingIntent;
                    }
                    if (question is not null && seenHeadings.Add(question))
                    {
                        examples.Add(new LabelledExample(question + "?", headingIntent ?? IntentIds.GeneralQuestion));
                    }
                }
                else if (!offers)
                {
                    continue;
                }
                else if (line.StartsWith('|'))
                {
                    var cells = line.Trim('|').Split('|');
                    if (cells.Length > 1 && !cells[0].Contains("---", StringComparison.Ordinal))
                    {
                        foreach (var part in SplitParts(cells[0]))
                        {
                            AddNoun(part, nouns, seenNouns, businessName);
                        }
                    }
                }
                else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
                {
                    var item = line[2..];
                    var lead = item.Split([':', '–'], 2)[0];
                    if (lead.Length < item.Length)
                    {
                        AddNoun(lead.Replace("**", string.Empty, StringComparison.Ordinal), nouns, seenNouns, businessName);
                    }
                }
                foreach (Match bold in BoldPattern().Matches(line))
                {
                    foreach (var part in SplitParts(bold.Groups[1].Value))
                    {
                        AddNoun(part, nouns, seenNouns, businessName);
                    }
                }
            }
        }

        var english = pack.Profile.Languages.Count > 0 && pack.Profile.Languages[0] == "en";
        for (var i = 0; i < Math.Min(nouns.Count, MaximumNouns); i++)
        {
            var noun = nouns[i];
            AddTemplates(examples, noun, i, ServiceItalian, IntentIds.ServiceInfo, 2);
            AddTemplates(examples, noun, i, PriceItalian, IntentIds.PriceInquiry, 2);
            AddTemplates(examples, noun, i, BookingItalian, IntentIds.BookingRequest, 1);
            if (english)
            {
                AddTemplates(examples, noun, i, ServiceEnglish, IntentIds.ServiceInfo, 1);
                AddTemplates(examples, noun, i, PriceEnglish, IntentIds.PriceInquiry, 1);
                AddTemplates(examples, noun, i, BookingEnglish, IntentIds.BookingRequest, 1);
            }
        }
        return examples;
    }

    private static void AddTemplates(List<LabelledExample> examples, string noun, int index, string[] templates, string intent, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var template = templates[(index * count + k) % templates.Length];
            examples.Add(new LabelledExample(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, noun), intent));
        }
    }

    private static IEnumerable<string> SplitParts(string text) =>
        SeparatorPattern().Split(text.Replace("**", string.Empty, StringComparison.Ordinal));

    private static void AddNoun(string candidate, List<string> nouns, HashSet<string> seen, string businessName)
    {
        var noun = CleanPhrase(candidate, businessName);
        if (noun is not null && seen.Add(noun))
        {
            nouns.Add(noun);
        }
    }

    /// <summary>A short common-noun phrase in lower case, or null for names, numbers and long text.</summary>
    private static string? CleanPhrase(string candidate, string businessName)
    {
        var text = candidate.Trim().Trim('.', ',', ';', '"', '\'', '*', '`', '«', '»');
        if (text.Length < 4 || text.Any(char.IsDigit) || text.IndexOfAny(['@', '€', '$', '%', '/', '`', '=']) >= 0)
        {
            return null;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count is 0 or > MaximumWords)
        {
            return null;
        }
        // A capital after the first word marks a proper noun (street, person, brand): not taken.
        if (words.Skip(1).Any(w => char.IsUpper(w[0])) || (words.Count == 1 && words[0].All(c => !char.IsLetter(c) || char.IsUpper(c))))
        {
            return null;
        }
        var lower = text.ToLowerInvariant();
        if (lower.Contains(businessName, StringComparison.Ordinal) || businessName.Contains(lower, StringComparison.Ordinal))
        {
            return null;
        }
        var tokens = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 0 && EdgeStopWords.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        while (tokens.Count > 0 && EdgeStopWords.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }
        var phrase = string.Join(' ', tokens);
        return phrase.Length >= 4 && phrase.Any(char.IsLetter) ? phrase : null;
    }

    private static string? CleanHeading(string heading, string businessName, bool allowNames)
    {
        var text = heading.Replace("**", string.Empty, StringComparison.Ordinal);
        var dash = text.IndexOf(" – ", StringComparison.Ordinal);
        if (dash > 0 && text[(dash + 3)..].Trim().Equals(businessName, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..dash];
        }
        text = ParenthesisPattern().Replace(text, string.Empty).Trim();
        if (text.Length < 4 || (!allowNames && (text.Any(char.IsDigit) || text.Split(' ').Length > 8)))
        {
            return null;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!allowNames && words.Skip(1).Any(w => char.IsUpper(w[0])))
        {
            return null;
        }
        return text.ToLowerInvariant();
    }

    private static string? HeadingIntent(string heading)
    {
        var folded = string.Join(' ', TextNormalizer.Tokenize(heading));
        foreach (var (intent, stems) in HeadingIntents)
        {
            if (stems.Any(s => folded.Contains(s, StringComparison.Ordinal)))
            {
                return intent;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\*\*([^*]{3,60})\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\s[–-]\s|[,;:()]")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex ParenthesisPattern();
}
