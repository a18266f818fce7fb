namespace Assistant.Core.Knowledge.Text;

/// <summary>
/// Italian and English function words, question words and auxiliaries (accent-folded). They
/// carry no topic, so neither BM25 nor the answerability check should count them.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Italian articles, prepositions, pronouns, conjunctions.
        "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "un'", "di", "a", "da", "in", "con", "su", "per", "tra", "fra",
        "del", "dello", "della", "dei", "degli", "delle", "dell", "al", "allo", "alla", "ai", "agli", "alle", "all",
        "dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall", "nel", "nello", "nella", "nei", "negli", "nelle", "nell",
        "sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull", "col", "coi",
        "e", "ed", "o", "od", "ma", "se", "che", "non", "ne", "ci", "vi", "si", "mi", "ti", "me", "te", "lui", "lei", "noi", "voi", "loro",
        "mio", "mia", "miei", "mie", "tuo", "tua", "suo", "sua", "suoi", "sue", "nostro", "nostra", "nostri", "nostre", "vostro", "vostra", "vostri", "vostre",
        "questo", "questa", "questi", "queste", "quello", "quella", "quelli", "quelle", "quel", "quei",
        "anche", "ancora", "gia", "piu", "molto", "poco", "tutto", "tutti", "tutta", "tutte", "solo", "sempre", "mai", "ogni", "altro", "altra",
        "c", "d", "s", "n", "v", "m", "t", "po", "cosi", "pure", "allora", "quindi", "oppure", "perche", "comunque", "qualche", "qualcosa", "qualcuno",
        // Italian question words.
        "chi", "cosa", "come", "dove", "quando", "quanto", "quanta", "quanti", "quante", "quale", "quali", "qual", "cos",
        // Italian auxiliaries and modal verbs.
        "e'", "essere", "sono", "sei", "siamo", "siete", "era", "ero", "sara", "stato", "stata",
        "avere", "ho", "hai", "ha", "abbiamo", "avete", "hanno", "avevo", "aveva",
        "posso", "puoi", "puo", "possiamo", "potete", "possono", "potrei", "potrebbe", "potreste",
        "devo", "deve", "dobbiamo", "dovete", "devono", "dovrei", "voglio", "vuoi", "vuole", "vogliamo", "vorrei", "vorremmo",
        "fare", "faccio", "fa", "fate", "fanno", "sa", "sapete", "sai", "so", "sapere", "dire", "dite", "dici", "mi", "dica",
        // How customers open a question ("volevo sapere", "vi chiedevo un'info"): no topic in them.
        // "Dove si trova lo studio?": the question word already asks for a place.
        "trova", "trovate", "trovano", "trovarvi", "trovi", "situato", "situata",
        "volevo", "volevamo", "volere", "chiedere", "chiedo", "chiedevo", "domanda", "domandina", "info", "informazione", "informazioni", "sapreste", "saprebbe", "sapevo",
        "buongiorno", "buonasera", "salve", "ciao", "grazie", "gentilmente", "cortesemente", "scusi", "scusate", "per", "favore", "please",
        // English.
        "the", "an", "of", "to", "on", "at", "by", "for", "with", "from", "into", "about", "as", "and", "or", "but", "if", "not", "no",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "i", "me", "my", "we", "our", "us", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here",
        "what", "which", "who", "whom", "whose", "how", "when", "where", "why",
        "any", "some", "all", "also", "just", "so", "very", "much", "many", "too", "than", "then", "hi", "hello", "thanks", "thank",
        "get", "got", "need", "want", "like", "know", "tell", "let",
        "wanted", "wondering", "wonder", "ask", "asking", "question", "information", "info",
    };

    public static bool Contains(string foldedToken) => Words.Contains(foldedToken);
}
