namespace Assistant.Core.Intents;

/// <summary>
/// Tells the worker's debounce when a message need not wait for a follow-up: people on WhatsApp
/// often send "ciao", then "volevo sapere", then the actual question as separate messages.
/// </summary>
public static class MessageCompleteness
{
    private const int MinimumWords = 4;

    // Words that make a message a question or a request even without a question mark.
    private static readonly HashSet<string> QuestionOrVerbWords = new(StringComparer.Ordinal)
    {
        // Italian question words and frequent verbs (after normalisation: no accents, Lei/tu collapsed).
        "quando", "dove", "come", "quanto", "quanta", "quanti", "quante", "perche", "cosa", "chi", "quale", "quali",
        "vorrei", "voglio", "volevo", "posso", "potrei", "puo", "potrebbe", "devo", "deve", "serve", "servirebbe",
        "ho", "ha", "e", "sono", "siete", "c", "ci", "fa", "avrei", "bisogno", "prenotare", "disdire", "annullare",
        "spostare", "cancellare", "mandare", "manda", "inviare", "pagare", "sapere", "chiedere", "aprite", "chiudete",
        "costa", "costano", "arrivato", "arrivata", "ricevuto", "confermato", "funziona", "aspetto", "scrivete",
        // English.
        "when", "where", "how", "what", "why", "who", "which", "can", "could", "would", "will", "is", "are", "do",
        "does", "did", "have", "has", "need", "want", "like", "book", "cancel", "move", "send", "pay", "cost", "costs",
        "open", "close", "get", "am", "was", "were",
    };

    // Lead-ins that announce the real message rather than being it.
    private static readonly string[] LeadIns =
    [
        "volevo sapere", "volevo chiedere", "vorrei sapere", "vorrei chiedere", "una domanda", "una info",
        "una informazione", "un informazione", "avrei una domanda", "ho una domanda", "mi chiedevo", "senta", "scusi",
        "allora", "dunque", "quick question", "i wanted to ask", "i was wondering", "i have a question", "one question",
        "i wanted to know", "question",
    ];

    /// <summary>
    /// True when the text ends with a question mark, or says enough (at least four words with a
    /// verb or question word) and does not end in a lead-in, a colon, a comma or an ellipsis.
    /// </summary>
    public static bool IsClearlyComplete(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith('?'))
        {
            return true;
        }
        if (trimmed.EndsWith(':') || trimmed.EndsWith(',') || trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…'))
        {
            return false;
        }

        var words = TextNormalizer.Tokenize(trimmed)
            .Where(t => !t.StartsWith("emo_", StringComparison.Ordinal))
            .ToList();
        var normalized = string.Join(' ', words);
        foreach (var leadIn in LeadIns)
        {
            if (normalized.EndsWith(leadIn, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return words.Count >= MinimumWords && words.Any(QuestionOrVerbWords.Contains);
    }
}
