namespace Assistant.Core.Intents;

/// <summary>
/// A small stopword-and-spelling language guesser for chat messages: Italian and English first,
/// and enough Spanish, French, German and Portuguese to tell that a message is in neither (the
/// assistant then answers in the business's default language). Short messages with no telling
/// word give null rather than a guess.
/// </summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, Dictionary<string, double>> Words = new(StringComparer.Ordinal)
    {
        ["it"] = Weights(
            "ciao salve buongiorno buonasera buonanotte grazie prego il lo gli della delle dello degli nel nella " +
            "per che non sono vorrei volevo posso potrei puo potrebbe sa ha e un una di da con come quando dove " +
            "quanto quanta costa mi ci si ti anche ma piu gia ancora domani oggi ieri settimana appuntamento " +
            "prenotare disdire spostare comunque perche tutto bene va certo sicuro allora quindi sto stai siamo " +
            "questo questa quello quella mio mia vostro dica scusi senta cortesemente favore niente nessuno " +
            "qualcuno qualcosa ancora tipo cosa chi abbiamo avete ho hai buon giorno serata arrivederci " +
            "ue cerea uela bella zio raga ragazzi tranquillo perfetto ottimo bravi bravo molto tanto poco " +
            "siete aperti aperto chiuso orario orari devo dobbiamo possiamo fare invece del dei delle nei sul sulla " +
            "era ero sei siamo fate fa contratto contratti messaggi messaggio domanda giorno giorni mattina pomeriggio " +
            "sera stasera lunedi martedi mercoledi giovedi venerdi sabato domenica prossimo prossima scorso " +
            "mese anno casa ufficio studio visita consulenza prezzo costo pagare pagamento fattura grazie mille " +
            "vorremmo volevamo potete possiamo abbiamo facciamo sapere chiedere mandare ricevuto arrivato " +
            "piu meno ancora adesso subito dopo prima sempre mai ok",
            "ciao grazie buongiorno buonasera salve vorrei volevo perche comunque"),
        ["en"] = Weights(
            "hi hello hey thanks thank you the an is are was were be been to of in on at for with my your our " +
            "i we they he she it this that these those what when where how why who which can could would should " +
            "thanks thank your our their its been being there tomorrow " +
            "will do does did not no yes please want need like have has had book appointment tomorrow today " +
            "yesterday week morning afternoon evening there here just about get know let me us from if or and " +
            "but so any some much many good great bye goodbye cheers sorry ok right soon as possible am",
            "the you thanks hello please what how where when"),
        ["es"] = Weights(
            "hola gracias buenos buenas dias tardes noches el los las que por para una uno es esta estoy " +
            "quiero quisiera puedo usted ustedes cuando donde cuanto cuesta porque pero muy bien manana hoy " +
            "semana cita tengo tiene hay nosotros vosotros adios senor senora",
            "hola gracias quiero quisiera cuanto donde usted buenos buenas cita"),
        ["fr"] = Weights(
            "bonjour bonsoir salut merci le les des du une est et je tu vous nous il elle pour avec dans " +
            "sur pas ne quand combien comment pourquoi que qui voudrais veux peux pouvez rendez vous demain " +
            "aujourd hui semaine oui non tres bien au revoir sil plait svp",
            "bonjour merci voudrais vous pouvez combien svp plait"),
        ["de"] = Weights(
            "hallo guten tag morgen abend danke bitte der die das den dem ein eine ist sind ich du sie wir " +
            "nicht und oder mit fur auf wann wo wie viel warum was mochte kann konnen termin heute woche ja nein " +
            "sehr gut tschuss wiedersehen gibt haben habe",
            "hallo danke bitte ich nicht mochte termin guten"),
        ["pt"] = Weights(
            "ola obrigado obrigada bom dia boa tarde noite os as do dos das que por para com um uma esta " +
            "estou quero gostaria voce voces onde custa porque mas muito bem amanha hoje " +
            "semana consulta tenho tem nao sim tchau",
            "ola obrigado obrigada voce gostaria nao amanha"),
    };

    /// <summary>"it", "en", "es", "fr", "de", "pt", or null when the text gives no clear sign.</summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in TextNormalizer.Tokenize(text))
        {
            foreach (var (language, words) in Words)
            {
                if (words.TryGetValue(token, out var weight))
                {
                    scores[language] = scores.GetValueOrDefault(language) + weight;
                }
            }
        }
        AddSpellingEvidence(text, scores);
        AddVowelEndingEvidence(text, scores);

        string? best = null;
        double bestScore = 0, second = 0;
        foreach (var (language, score) in scores)
        {
            if (score > bestScore)
            {
                second = bestScore;
                bestScore = score;
                best = language;
            }
            else if (score > second)
            {
                second = score;
            }
        }
        // A tie says nothing; Italian wins close calls because it is the first market's language
        // and Italian chat is full of English loan words ("ok", "top", "week end").
        if (best is null || bestScore <= second)
        {
            return scores.GetValueOrDefault("it") > 0 && scores.GetValueOrDefault("it") >= bestScore ? "it" : null;
        }
        return best;
    }

    /// <summary>Letters and spellings that belong to one language only.</summary>
    private static void AddSpellingEvidence(string text, Dictionary<string, double> scores)
    {
        foreach (var c in text)
        {
            var language = char.ToLowerInvariant(c) switch
            {
                'ñ' or '¿' or '¡' => "es",
                'ç' or 'ê' or 'â' or 'ô' or 'û' or 'ë' or 'œ' => "fr",
                'ä' or 'ö' or 'ü' or 'ß' => "de",
                'ã' or 'õ' => "pt",
                _ => null,
            };
            if (language is not null)
            {
                scores[language] = scores.GetValueOrDefault(language) + 1.5;
            }
        }
        if (text.Contains('\'') || text.Contains('’'))
        {
            // "n't", "'s", "'m" are English; "l'", "un'", "dov'" Italian.
            var lower = text.ToLowerInvariant().Replace('’', '\'');
            if (lower.Contains("n't", StringComparison.Ordinal) || lower.Contains("'s ", StringComparison.Ordinal) || lower.Contains("i'm", StringComparison.Ordinal) || lower.Contains("'ll", StringComparison.Ordinal))
            {
                scores["en"] = scores.GetValueOrDefault("en") + 1.5;
            }
            if (lower.Contains("l'", StringComparison.Ordinal) || lower.Contains("un'", StringComparison.Ordinal) || lower.Contains("c'e", StringComparison.Ordinal) || lower.Contains("c'è", StringComparison.Ordinal) || lower.Contains("dov'", StringComparison.Ordinal))
            {
                scores["it"] = scores.GetValueOrDefault("it") + 1;
            }
        }
    }

    /// <summary>
    /// Italian words end in a vowel far more often than English or German ones: when most longer
    /// words of a message do, that is a weak sign of Italian (it settles "disiscrivimi").
    /// </summary>
    private static void AddVowelEndingEvidence(string text, Dictionary<string, double> scores)
    {
        var words = TextNormalizer.Tokenize(text).Where(t => t.Length >= 4 && char.IsLetter(t[0]) && !t.StartsWith("emo_", StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
        {
            return;
        }
        var vowelEndings = words.Count(w => w[^1] is 'a' or 'e' or 'i' or 'o');
        if (vowelEndings >= 0.75 * words.Count)
        {
            scores["it"] = scores.GetValueOrDefault("it") + 0.75 + (0.1 * vowelEndings);
        }
    }

    /// <summary>Every listed word counts 1; the strongly telling ones count 2.</summary>
    private static Dictionary<string, double> Weights(string words, string strong)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[word] = 1;
        }
        foreach (var word in strong.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[word] = 2;
        }
        return weights;
    }
}
