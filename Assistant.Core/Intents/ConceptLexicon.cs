namespace Assistant.Core.Intents;

/// <summary>
/// Word beginnings grouped by the request they signal, in Italian and English ("prenot", "book",
/// "fissa" → <c>cue_book</c>). A word the training examples never used still lights its concept,
/// and one concept feature serves both languages: this is what lets a few thousand examples
/// carry to businesses and wordings they have never seen.
/// </summary>
internal static class ConceptLexicon
{
    private static readonly (string Concept, string[] Prefixes)[] Concepts =
    [
        ("cue_book", ["prenot", "fissa", "fissar", "appuntament", "disponibilit", "sopralluog", "book", "appointment", "availab", "slot", "schedul", "reserv", "viewing"]),
        ("cue_move", ["spost", "anticip", "posticip", "rimand", "riprogramm", "cambiar", "modific", "resched", "postpon", "rearrang", "moved", "move", "push", "earlier", "later"]),
        ("cue_cancel", ["disdic", "disdir", "disdett", "annull", "cancell", "rinunc", "cancel"]),
        ("cue_status", ["confermat", "conferma", "segnat", "risult", "promemori", "confirm", "remind", "booked", "novita", "news"]),
        ("cue_price", ["cost", "prezz", "tariff", "listino", "scont", "promozion", "offert", "price", "charge", "rate", "discount", "fee", "expensiv", "cheap", "percentual", "percentage", "vat", "iva", "cifra", "figure"]),
        ("cue_hours", ["orari", "apert", "aprit", "chiud", "chius", "apre", "festiv", "ferie", "open", "clos", "hours", "holiday"]),
        ("cue_where", ["dove", "indirizz", "parchegg", "raggiung", "arriv", "fermat", "citofon", "civico", "sede", "posizion", "maps", "where", "address", "park", "locat", "direction", "floor", "entranc", "quartier", "neighbourhood", "ascensor", "lift", "disabil", "wheelchair", "outside"]),
        ("cue_doc", ["fattur", "ricevut", "contratt", "modul", "document", "certificat", "referto", "pdf", "copia", "planimetri", "visur", "brochure", "invoice", "receipt", "contract", "form", "report", "copy", "file", "bozza", "draft", "riepilog", "statement"]),
        ("cue_pay", ["pag", "bonific", "carta", "iban", "rate", "rateal", "acconto", "caparr", "rimbors", "addebit", "contanti", "bancomat", "satispay", "paypal", "pay", "card", "cash", "transfer", "deposit", "refund", "charged", "instalment"]),
        ("cue_urgent", ["urgent", "emergenz", "aiuto", "dolor", "male", "perdit", "allag", "gas", "sangu", "gonfi", "rott", "scoppiat", "bruc", "svien", "respir", "emergenc", "help", "pain", "hurt", "leak", "flood", "bleed", "swollen", "burst", "smoke", "faint", "breath", "malissim", "fortissim", "stuck", "velen", "poison", "rubat", "ladri", "scasso", "broke", "blood", "incendi", "fuoco", "fire"]),
        ("cue_legal", ["gdpr", "privacy", "dati", "avvocat", "denunc", "querel", "diffid", "recess", "clausol", "consenso", "garante", "legal", "causa", "data", "lawyer", "consent", "clause", "withdraw", "dispute", "legge", "law", "reced", "dpo", "autorizz", "authoris", "authoriz"]),
        ("cue_stop", ["stop", "basta", "disiscri", "smett", "lasciatemi", "unsubscri", "opt", "spam", "notific"]),
        ("cue_praise", ["brav", "fantastic", "complimenti", "ottim", "eccellent", "top", "consiglia", "miglior", "perfett", "soddisfatt", "meraviglios", "amazing", "great", "excellent", "recommend", "best", "brilliant", "satisfied", "wonderful", "flawless", "happy", "felic", "content", "love", "ador"]),
        ("cue_bad", ["delus", "pessim", "vergogn", "reclam", "schifo", "arrabbiat", "inaccettabil", "scortes", "maleducat", "lamentar", "sconsigliat", "disappoint", "terribl", "awful", "unacceptabl", "complain", "rude", "angry", "worst", "misleading", "negativ", "bad", "badly", "peggio", "peggior", "insoddisfatt", "scontent", "stufo", "stufa", "worse", "poor", "rovinat", "ruined"]),
        ("cue_human", ["persona", "operatore", "umano", "bot", "robot", "automatic", "titolare", "responsabil", "telefon", "chiamat", "richiam", "person", "human", "agent", "operator", "someone", "manager", "owner", "phone"]),
        ("cue_lead", ["cerco", "cerchiamo", "preventiv", "interessat", "budget", "vender", "cliente", "mq", "metri", "quote", "interested", "sell", "client", "sqm", "square"]),
        ("cue_service", ["fate", "fa", "offrite", "occupate", "tratt", "servizi", "comprend", "includ", "dura", "consist", "offer", "include", "involve", "treat", "services"]),
        ("cue_thanks", ["grazie", "ringrazi", "thank", "thanks", "cheers"]),
        ("cue_bye", ["arrivederci", "presto", "domani", "bye", "goodbye", "giornata", "serata", "buonanotte", "notte", "weekend", "soon"]),
        ("cue_world", ["meteo", "piov", "rain", "weather", "calcio", "football", "campionat", "recipe", "film", "movie", "netflix", "crypto", "bitcoin", "barzellett", "joke", "poesia", "poem", "canzon", "song", "compiti", "homework", "politic", "oroscopo", "zodiac"]),
        ("cue_wrong", ["sbagliat", "wrong", "oops", "ops", "errore", "mistake"]),
        ("cue_hello", ["ciao", "salve", "buongiorno", "buonasera", "hello", "hi", "hey", "morning", "evening", "ue", "cerea"]),
    ];

    /// <summary>Words that begin with a concept's prefix and mean something else ("arriv" is where, "arrivederci" is goodbye).</summary>
    private static readonly Dictionary<string, string> FalseFriends = new(StringComparer.Ordinal)
    {
        ["arrivederci"] = "cue_where",
    };

    /// <summary>The concepts whose prefixes begin <paramref name="token"/> (a normalised word).</summary>
    public static IEnumerable<string> ConceptsOf(string token)
    {
        FalseFriends.TryGetValue(token, out var notThis);
        foreach (var (concept, prefixes) in Concepts)
        {
            if (concept == notThis)
            {
                continue;
            }

            foreach (var prefix in prefixes)
            {
                if (prefix.Length <= 3 ? token == prefix : token.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return concept;
                    break;
                }
            }
        }
    }
}
