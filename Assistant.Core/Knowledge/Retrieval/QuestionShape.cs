using Assistant.Core.Knowledge.Text;

namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// The structure of a question, read from its function words and casing rather than its topic:
/// which kind of fact it expects (after "quanto", "how much", "in che anno", "chi"...), which of
/// its words only announce that kind, what it asks for (its focus), and which words are names
/// (capitalised mid-sentence, codes). Small it/en lists of function and answer-type words, no topics.
/// </summary>
public static class QuestionShape
{
    // Verb stems that ask for an amount of money ("quanto costa", "how much do I pay"): the amount
    // answers them, so they are cues. Nouns of a charge ("spese", "fee") ask for an amount too, but
    // name which charge, so a statement must still mention them.
    private static readonly HashSet<string> MoneyVerbs = new(StringComparer.Ordinal)
    {
        "costa", "costano", "costo", "costi", "costare", "costerebbe", "cost", "costs",
        "pago", "paga", "pagare", "pagano", "paghiamo", "pagate", "pagato", "pay", "pays", "paying", "paid",
        "charge", "charged", "spendo", "spendere", "spend",
    };

    private static readonly HashSet<string> MoneyNouns = new(StringComparer.Ordinal)
    {
        "prezzo", "prezzi", "price", "prices", "pricing", "tariffa", "tariffe", "fee", "fees", "spesa", "spese", "charges",
    };

    // Nouns that, right after "che"/"quale"/"what"/"which", ask for a point in time.
    private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal) { "ora", "orario", "orari", "time", "times", "hours", "giorno", "giorni", "day", "days", "data", "date" };

    private static readonly HashSet<string> YearNouns = new(StringComparer.Ordinal) { "anno", "year" };

    private static readonly HashSet<string> PercentWords = new(StringComparer.Ordinal) { "percentuale", "percentage", "percent", "quota", "share" };

    // Nouns that only say an amount or a span of time is wanted ("what amount", "what length of lease").
    private static readonly HashSet<string> AmountWords = new(StringComparer.Ordinal) { "importo", "cifra", "somma", "amount", "sum" };

    private static readonly HashSet<string> DurationWords = new(StringComparer.Ordinal) { "durata", "duration", "length", "periodo", "period", "tempo", "tempi" };

    // After "quanto", an auxiliary or an article means a noun follows ("quanto sono le spese").
    private static readonly HashSet<string> NounLeads = new(StringComparer.Ordinal) { "e", "sono", "il", "lo", "la", "i", "gli", "le", "l", "is", "are", "the" };

    private static readonly HashSet<string> WhichWords = new(StringComparer.Ordinal) { "che", "quale", "quali", "qual", "what", "which" };

    private static readonly HashSet<string> HowMuchWords = new(StringComparer.Ordinal) { "quanto", "quanta", "quanti", "quante" };

    // "quanti"/"quante"/"how many" are followed by a noun; "quanto" mostly by a verb ("quanto dura",
    // "quanto ci mettete") whose answer is the amount itself, so it opens no focus.
    private static readonly HashSet<string> FocusOpeners = new(StringComparer.Ordinal)
    {
        "quale", "quali", "qual", "quanti", "quante", "cosa", "what", "which",
        "ha", "hanno", "avete", "have", "has",
    };

    // A question word followed by a modal or "do" asks what to do, not for a thing ("what should I
    // do if…", "cosa devo fare"): no focus.
    private static readonly HashSet<string> ProceduralLeads = new(StringComparer.Ordinal)
    {
        "should", "do", "does", "did", "can", "could", "must", "would", "will", "devo", "dobbiamo", "posso", "possiamo", "faccio", "facciamo", "fare", "bisogna",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "a", "in", "di", "da", "per", "con", "su" };

    // Prepositions that may join the words of one asked thing ("posti per disabili", "share of income").
    private static readonly HashSet<string> InnerPrepositions = new(StringComparer.Ordinal) { "di", "per", "a", "of", "for" };

    private const int MaxFocusWords = 3;
    private const int PredicateWords = 2;

    /// <summary>The kinds of fact the question expects, and the stemmed words that only announce them.</summary>
    public static (AnswerKind Kinds, HashSet<string> Cues) Expected(string question)
    {
        var words = Tokenizer.Words(question).Select(TextNormalizer.ExpandShorthand).ToList();
        var kinds = AnswerKind.None;
        var cues = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var previous = i > 0 ? words[i - 1] : string.Empty;
            var next = i + 1 < words.Count ? words[i + 1] : string.Empty;
            if (HowMuchWords.Contains(word) || (word == "how" && next is "much" or "many" or "long" or "often"))
            {
                kinds |= AnswerKind.Quantity;
            }
            if (MoneyVerbs.Contains(word))
            {
                kinds |= AnswerKind.Money;
                cues.Add(LightStemmer.Stem(word));
            }
            else if (MoneyNouns.Contains(word))
            {
                kinds |= AnswerKind.Money;
            }
            if ((WhichWords.Contains(previous) && YearNouns.Contains(word)) || (word == "quando" && previous == "da") || (word == "when" && previous == "since"))
            {
                kinds |= AnswerKind.Year;
                cues.Add(LightStemmer.Stem(word));
            }
            if ((WhichWords.Contains(previous) && TimeNouns.Contains(word)) || word is "quando" or "when" or "orario" or "orari")
            {
                kinds |= AnswerKind.Time;
                if (!StopWords.Contains(word))
                {
                    cues.Add(LightStemmer.Stem(word));
                }
            }
            if (PercentWords.Contains(word))
            {
                kinds |= AnswerKind.Percent;
                cues.Add(LightStemmer.Stem(word));
            }
            if (AmountWords.Contains(word))
            {
                kinds |= AnswerKind.Quantity | AnswerKind.Money;
                cues.Add(LightStemmer.Stem(word));
            }
            if (DurationWords.Contains(word) || (word == "how" && next == "long"))
            {
                kinds |= AnswerKind.Time | AnswerKind.Quantity;
                if (!StopWords.Contains(word) && word != "how")
                {
                    cues.Add(LightStemmer.Stem(word));
                }
            }
            if (word is "chi" or "who" or "whom")
            {
                kinds |= AnswerKind.Person;
            }
        }
        return (kinds, cues);
    }

    /// <summary>
    /// The stemmed words of what the question asks for: the content words right after a question
    /// word or a "has / is there" verb ("quale banca…" → banca, "che classe energetica ha…" →
    /// classe energetica, "il flat ha la lavatrice?" → the object), else the words after the last
    /// name of a yes/no question. Empty otherwise (then every word counts alike).
    /// </summary>
    public static HashSet<string> FocusTerms(string question)
    {
        var focus = OpenedFocus(question);
        return focus.Count > 0 ? focus : PredicateAfterName(question);
    }

    /// <summary>
    /// In a yes/no question about a named thing ("La dott.ssa Bianchi parla inglese?", "Il Garage
    /// Verdi è aperto la domenica?") what is asked comes after the name: its last content words.
    /// </summary>
    private static HashSet<string> PredicateAfterName(string question)
    {
        var named = NamedTerms(question);
        var terms = Tokenizer.Terms(question);
        var lastName = terms.FindLastIndex(named.Contains);
        if (lastName < 0)
        {
            return [];
        }
        return terms.Skip(lastName + 1).Where(t => !char.IsDigit(t[0])).TakeLast(PredicateWords).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> OpenedFocus(string question)
    {
        var words = Tokenizer.Words(question).Select(TextNormalizer.ExpandShorthand).ToList();
        var focus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count && focus.Count == 0; i++)
        {
            var opens = FocusOpeners.Contains(words[i])
                || (words[i] == "che" && (i == 0 || Prepositions.Contains(words[i - 1])))
                || (words[i] == "c" && i + 1 < words.Count && words[i + 1] == "e")
                || (words[i] is "is" or "are" && i + 1 < words.Count && words[i + 1] == "there")
                || (words[i] == "how" && i + 1 < words.Count && words[i + 1] == "many")
                || (words[i] is "quanto" or "quanta" && i + 1 < words.Count && NounLeads.Contains(words[i + 1]));
            if (!opens || (i + 1 < words.Count && ProceduralLeads.Contains(words[i + 1])))
            {
                continue;
            }
            for (var j = i + 1; j < words.Count && focus.Count < MaxFocusWords; j++)
            {
                var word = words[j];
                if (StopWords.Contains(word) || word == "many")
                {
                    var joins = InnerPrepositions.Contains(word) && j + 1 < words.Count && !StopWords.Contains(words[j + 1]);
                    if (focus.Count > 0 && !joins)
                    {
                        break;
                    }
                    continue;
                }
                focus.Add(LightStemmer.Stem(word));
            }
        }
        return focus;
    }

    /// <summary>
    /// Stemmed words written as names: capitalised other than at the start of a sentence (and not
    /// a common word the glossary translates, as "English" or "Monday"), or codes mixing letters and digits. They name the thing asked about, never what is asked.
    /// </summary>
    public static HashSet<string> NamedTerms(string question)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var sentenceStart = true;
        var start = -1;
        for (var i = 0; i <= question.Length; i++)
        {
            var c = i < question.Length ? question[i] : ' ';
            if (char.IsLetterOrDigit(c) || (c is '-' or '.' or '\'' && start >= 0 && i + 1 < question.Length && char.IsLetterOrDigit(question[i + 1])))
            {
                start = start < 0 ? i : start;
                continue;
            }
            if (start >= 0)
            {
                var word = question[start..i];
                var isCode = word.Any(char.IsDigit) && word.Any(char.IsLetter);
                if (isCode || (!sentenceStart && char.IsUpper(word[0]) && word != "I"))
                {
                    // English capitalises languages, days and months: words the glossary translates are common words.
                    named.UnionWith(Tokenizer.Terms(word).Where(t => isCode || BusinessGlossary.Equivalents(t).Count == 0));
                }
                sentenceStart = false;
                start = -1;
            }
            if (c is '.' or '?' or '!' or '\n')
            {
                sentenceStart = true;
            }
        }
        return named;
    }
}
