namespace Assistant.Core.Knowledge.Text;

/// <summary>
/// A small, generic it/en table of words customers of any small business use (opening hours,
/// prices, bookings, payments, places, people). MiniLM is English-only, so an English question
/// about an Italian knowledge base, or an Italian paraphrase ("costo" for "prezzo"), would find
/// nothing lexically; each group lists words that mean the same for retrieval. Not written from any
/// one business's texts: every pack gets the same table.
/// </summary>
public static class BusinessGlossary
{
    private static readonly string[][] Groups =
    [
        // Time and opening.
        ["orario", "orari", "hours", "hour", "opening", "timetable", "schedule", "time", "times", "ora", "ore"],
        ["aperto", "aperta", "aperti", "apre", "aprite", "apertura", "open", "opens"],
        ["chiuso", "chiusa", "chiusi", "chiude", "chiudete", "chiusura", "chiusure", "closed", "close", "closes", "closing"],
        ["giorno", "giorni", "day", "days", "giornata", "daily"],
        ["settimana", "week", "weekly", "settimanale"],
        ["feriale", "feriali", "weekday", "weekdays", "lavorativo", "lavorativi", "working"],
        ["festivo", "festivi", "festivita", "holiday", "holidays", "ferie", "vacation", "vacanza", "vacanze"],
        ["mattina", "mattino", "morning", "mattutino"],
        ["pomeriggio", "afternoon", "pomeridiano"],
        ["sera", "serale", "evening", "night", "notte"],
        ["lunedi", "monday"], ["martedi", "tuesday"], ["mercoledi", "wednesday"], ["giovedi", "thursday"],
        ["venerdi", "friday"], ["sabato", "saturday", "sabati"], ["domenica", "sunday", "domeniche"], ["weekend", "fine settimana"],
        ["gennaio", "january"], ["febbraio", "february"], ["marzo", "march"], ["aprile", "april"], ["maggio", "may"], ["giugno", "june"],
        ["luglio", "july"], ["agosto", "august"], ["settembre", "september"], ["ottobre", "october"], ["novembre", "november"], ["dicembre", "december"],
        ["mese", "mesi", "month", "months", "mensile", "monthly", "mensilita"],
        ["anno", "anni", "year", "years", "annuale", "yearly", "annual"],
        ["minuto", "minuti", "minute", "minutes"],
        ["ultimo", "ultima", "latest", "last", "final"],
        ["primo", "prima", "first", "earliest"],
        ["inizio", "iniziare", "inizia", "start", "begin", "starts"],
        ["durata", "dura", "durano", "duration", "long", "lasts", "last"],
        ["anticipo", "preavviso", "advance", "notice", "beforehand"],
        ["ritardo", "late", "delay", "ritardi"],
        ["subito", "immediately", "urgente", "urgent", "urgenza", "emergenza", "emergenze", "emergency"],
        // Money.
        ["prezzo", "prezzi", "price", "prices", "costo", "costi", "cost", "costs", "costa", "costano", "tariffa", "tariffe", "rate", "rates", "fee", "fees", "listino", "pricing", "charge", "charges"],
        ["pagare", "pago", "paga", "pagamento", "pagamenti", "pay", "paying", "payment", "payments", "pagato", "paid", "saldare"],
        ["carta", "carte", "card", "cards", "bancomat", "pos", "credito", "credit", "debit"],
        ["contanti", "cash", "contante"],
        ["bonifico", "bonifici", "transfer", "wire"],
        ["rata", "rate", "rateizzare", "rateizzazione", "installment", "installments", "finanziamento", "financing"],
        ["sconto", "sconti", "discount", "discounts", "promozione", "offerta", "offer", "promo", "riduzione"],
        ["gratis", "gratuito", "gratuita", "gratuiti", "free", "gratuitamente"],
        ["fattura", "fatture", "invoice", "invoices", "ricevuta", "receipt", "scontrino"],
        ["deposito", "caparra", "cauzione", "deposit", "acconto", "anticipo"],
        ["rimborso", "rimborsi", "refund", "refunds", "restituzione", "restituito", "returned", "money back"],
        ["iva", "vat", "tax", "tasse", "imposta", "imposte"],
        ["euro", "eur", "€"],
        ["assicurazione", "assicurazioni", "insurance", "polizza", "convenzione", "convenzioni", "convenzionato", "agreement"],
        ["detrazione", "detrarre", "detraibile", "deduction", "deduct", "deductible"],
        ["spesa", "spese", "expense", "expenses", "charges"],
        ["provvigione", "provvigioni", "commission", "commissions"],
        ["affitto", "affitti", "rent", "rental", "canone", "locazione", "lease", "renting", "affittare", "affittato"],
        ["comprare", "compro", "compra", "acquisto", "acquistare", "buy", "buying", "purchase", "acquirente", "buyer"],
        ["vendere", "vendo", "vendita", "sell", "selling", "sale", "venditore", "seller", "venduto", "sold"],
        // Booking.
        ["appuntamento", "appuntamenti", "appointment", "appointments", "prenotazione", "prenotazioni", "booking", "bookings", "prenotare", "book", "reservation", "visita", "visite", "visit", "viewing", "viewings"],
        ["annullare", "annullo", "annullamento", "disdire", "disdetta", "cancellare", "cancellazione", "cancel", "cancellation", "cancelling", "recedere", "recesso", "withdraw"],
        ["spostare", "sposto", "rinviare", "modificare", "reschedule", "move", "change", "cambiare", "cambio"],
        ["conferma", "confermare", "confermato", "confirm", "confirmation", "confirmed"],
        ["attesa", "aspettare", "wait", "waiting", "tempi", "tempo"],
        // Place.
        ["dove", "indirizzo", "address", "sede", "sedi", "location", "ufficio", "office", "filiale", "branch", "negozio", "shop", "store", "studio"],
        ["parcheggio", "parcheggi", "parcheggiare", "parking", "park", "posto auto", "garage", "macchina", "auto", "car"],
        ["arrivare", "raggiungere", "get there", "directions", "come arrivare", "reach"],
        ["metro", "metropolitana", "subway", "underground", "tube", "fermata", "stop", "station", "stazione"],
        ["autobus", "bus", "tram", "mezzi", "public transport", "trasporto"],
        ["treno", "train", "trains"],
        ["accessibile", "accessibilita", "disabili", "disabled", "wheelchair", "sedia a rotelle", "ascensore", "lift", "elevator", "gradini", "steps"],
        ["zona", "zone", "area", "areas", "quartiere", "neighbourhood", "neighborhood", "comuni", "towns", "town", "citta", "city"],
        ["vicino", "vicina", "near", "nearby", "nearest", "closest"],
        // Contact and people.
        ["telefono", "phone", "numero", "number", "chiamare", "call", "telefonare", "cellulare", "mobile"],
        ["email", "e-mail", "mail", "posta", "indirizzo email"],
        ["whatsapp", "chat", "messaggio", "messaggi", "message", "messages", "scrivere", "write"],
        ["personale", "staff", "team", "squadra", "collaboratori", "dipendenti", "employees"],
        ["responsabile", "manager", "titolare", "direttore", "director", "referente", "segue", "looks after", "in charge"],
        ["lingua", "lingue", "language", "languages", "parla", "parlano", "speak", "speaks"],
        ["inglese", "english"], ["francese", "french"], ["spagnolo", "spanish"], ["tedesco", "german"], ["arabo", "arabic"], ["cinese", "chinese"], ["italiano", "italian"],
        ["cliente", "clienti", "customer", "customers", "client", "clients"],
        ["straniero", "stranieri", "foreign", "foreigner", "foreigners", "international", "estero", "abroad"],
        ["studente", "studenti", "student", "students", "universitari", "universita", "university"],
        ["bambino", "bambini", "bimbi", "child", "children", "kid", "kids", "figli"],
        ["animali", "animale", "cane", "cani", "gatto", "pet", "pets", "dog", "dogs", "animal", "animals"],
        ["lavoro", "lavorare", "job", "jobs", "work", "candidatura", "candidature", "cv", "curriculum", "career", "careers", "hiring", "assunzioni"],
        ["fondata", "fondato", "nata", "founded", "established", "storia", "history"],
        // Services and documents.
        ["servizio", "servizi", "service", "services", "prestazione", "prestazioni", "trattamento", "trattamenti", "treatment", "treatments"],
        ["documento", "documenti", "document", "documents", "carta d'identita", "identity", "id", "modulo", "moduli", "form", "forms"],
        ["contratto", "contratti", "contract", "contracts", "accordo"],
        ["copia", "copie", "copy", "copies", "duplicato", "duplicate"],
        ["privacy", "dati", "data", "personal data", "gdpr", "riservatezza"],
        ["cancellazione dati", "erasure", "delete", "deletion", "cancellare"],
        ["conservare", "conserviamo", "conservati", "tenere", "tenete", "keep", "retain", "retention", "store"],
        ["reclamo", "reclami", "complaint", "complaints", "contestazione", "contestazioni", "lamentela", "dispute"],
        ["garanzia", "garanzie", "warranty", "guarantee", "garante", "guarantor"],
        ["regalo", "gift", "buono", "voucher", "buoni"],
        ["consegna", "consegne", "delivery", "deliver", "spedizione", "spedizioni", "shipping", "ritiro", "pickup"],
        ["casa", "abitazione", "home", "house", "appartamento", "appartamenti", "flat", "apartment", "alloggio"],
        ["camera", "camere", "room", "rooms", "stanza", "stanze", "bedroom"],
        ["riparazione", "riparazioni", "riparare", "repair", "repairs", "guasto", "guasti", "manutenzione", "maintenance", "broken", "rotto"],
        ["chiave", "chiavi", "key", "keys", "lost", "perso", "perse", "smarrito"],
        ["mutuo", "mutui", "mortgage", "mortgages", "prestito", "loan"],
        ["certificato", "certificati", "certificate", "certificates", "attestato"],
        ["sicurezza", "safety", "security"],
        ["dolore", "male", "pain", "hurts", "ache"],
        ["dente", "denti", "tooth", "teeth", "dentale", "dental"],
        ["pulizia", "igiene", "cleaning", "hygiene"],
        ["visita di controllo", "controllo", "checkup", "check-up"],
        ["medico", "dottore", "dottoressa", "doctor", "dentista", "dentist"],
        ["menu", "piatti", "dishes", "food", "cibo", "mangiare", "eat"],
        ["tavolo", "tavoli", "table", "tables"],
        ["taglio", "capelli", "haircut", "hair"],
        ["minimo", "minima", "minimum", "almeno", "at least"],
        ["massimo", "massima", "maximum", "max", "fino a", "up to"],
        ["quanto tempo", "how long", "entro", "within"],
        ["persona", "persone", "people", "person", "collega", "colleague", "umano", "human", "operatore", "operator"],
        ["reddito", "redditi", "income", "salary", "stipendio", "buste paga", "payslip", "payslips"],
        ["netto", "net"], ["lordo", "gross"],
        ["quota", "share", "percentuale", "percentage", "percent"],
        ["mq", "metri quadrati", "metri quadri", "sqm", "square meters", "square metres", "m2"],
        ["fuori", "oltre", "outside", "beyond", "esterno"],
        ["sopra", "superiore", "superiori", "above", "over", "more than", "oltre"],
        ["sotto", "inferiore", "inferiori", "below", "under", "less than"],
        ["importo", "cifra", "somma", "amount", "sum", "totale", "total"],
        ["servire", "servite", "serviamo", "servito", "servita", "coprite", "cover", "covered", "serve", "served"],
        ["proprietario", "proprietari", "proprieta", "owner", "owners", "landlord", "landlords"],
        ["inquilino", "inquilini", "tenant", "tenants", "affittuario", "conduttore"],
        ["autorizzazione", "approvazione", "permesso", "approval", "authorisation", "authorization", "permission"],
        ["inviare", "invio", "mandare", "mandate", "spedire", "send", "sending", "submit"],
        ["registro", "registri", "archivio", "records", "record", "archive"],
        ["torino", "turin"], ["milano", "milan"], ["roma", "rome"], ["firenze", "florence"], ["napoli", "naples"], ["venezia", "venice"],
        ["genova", "genoa"], ["padova", "padua"], ["italia", "italy"], ["sicilia", "sicily"], ["sardegna", "sardinia"],
        ["ufficiale", "formale", "formal", "legale", "legal", "pec", "raccomandata", "registered"],
    ];

    private static readonly Dictionary<string, string[]> ByStem = Build();

    /// <summary>The other stems that mean the same as <paramref name="stem"/> (never the stem itself).</summary>
    public static IReadOnlyList<string> Equivalents(string stem) =>
        ByStem.TryGetValue(stem, out var equivalents) ? equivalents : [];

    private static Dictionary<string, string[]> Build()
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            // Multi-word entries contribute each of their content words.
            var stems = group.SelectMany(Tokenizer.Terms).Distinct(StringComparer.Ordinal).ToList();
            foreach (var stem in stems)
            {
                if (!sets.TryGetValue(stem, out var set))
                {
                    sets[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.UnionWith(stems);
            }
        }
        return sets.ToDictionary(kv => kv.Key, kv => kv.Value.Where(s => s != kv.Key).ToArray(), StringComparer.Ordinal);
    }
}
