namespace Assistant.Core.Intents;

/// <summary>
/// Chat abbreviations and spelling variants mapped to the words they stand for, after lower-casing
/// and accent folding. Italian formal (Lei), informal (tu) and plural (voi) verb forms map to one
/// form so that examples written in one register teach the others.
/// </summary>
internal static class ChatVocabulary
{
    public static readonly Dictionary<string, string[]> Expansions = Build();

    private static Dictionary<string, string[]> Build()
    {
        var pairs = new (string From, string To)[]
        {
            // Italian chat shorthand.
            ("x", "per"), ("xo", "pero"), ("cmq", "comunque"), ("cmnq", "comunque"), ("nn", "non"),
            ("xke", "perche"), ("xche", "perche"), ("perke", "perche"), ("xk", "perche"), ("pk", "perche"),
            ("pke", "perche"), ("qnd", "quando"), ("qndo", "quando"), ("qdo", "quando"), ("ke", "che"),
            ("cm", "come"), ("dv", "dove"), ("dov", "dove"), ("qlc", "qualche"), ("qlcs", "qualcosa"),
            ("qlcn", "qualcuno"), ("qls", "qualsiasi"), ("tt", "tutto"), ("sn", "sono"), ("grz", "grazie"),
            ("grazi", "grazie"), ("graz", "grazie"), ("grazzie", "grazie"), ("tvb", "ti voglio bene"),
            ("tnt", "tanto"), ("msg", "messaggio"), ("tel", "telefono"), ("cell", "cellulare"),
            ("num", "numero"), ("appt", "appuntamento"), ("app", "appuntamento"), ("info", "informazioni"),
            ("gg", "giorni"), ("sett", "settimana"), ("min", "minuti"), ("dp", "dopo"),
            ("risp", "rispondere"), ("pfv", "per favore"), ("pf", "per favore"), ("xfavore", "per favore"),
            ("perfavore", "per favore"), ("xfv", "per favore"), ("cortesemente", "per favore"),
            ("vabbe", "va bene"), ("vbb", "va bene"), ("vabene", "va bene"), ("ciaoo", "ciao"),
            ("ciauz", "ciao"), ("ciaone", "ciao"), ("bn", "bene"), ("mo", "adesso"), ("mt", "molto"),
            ("nulla", "niente"), ("prox", "prossimo"), ("qst", "questo"), ("qsto", "questo"), ("cn", "con"),
            ("sl", "solo"), ("anke", "anche"), ("ank", "anche"), ("c", "ci"), ("d", "di"), ("weh", "ue"), ("ueh", "ue"),

            // Lei / tu / voi collapse.
            ("puoi", "puo"), ("potete", "puo"), ("potresti", "potrebbe"), ("potreste", "potrebbe"),
            ("sai", "sa"), ("sapete", "sa"), ("sapresti", "saprebbe"), ("sapreste", "saprebbe"),
            ("hai", "ha"), ("avete", "ha"), ("vuoi", "vuole"), ("volete", "vuole"), ("devi", "deve"),
            ("dovete", "deve"), ("fai", "fa"), ("fate", "fa"), ("dici", "dice"), ("dite", "dice"),
            ("dimmi", "mi dica"), ("ditemi", "mi dica"), ("senti", "senta"),
            ("sentite", "senta"), ("scusa", "scusi"), ("scusate", "scusi"), ("scusami", "scusi"),
            ("guarda", "guardi"), ("tuo", "vostro"), ("tua", "vostro"),
            ("tuoi", "vostro"), ("tue", "vostro"), ("vostra", "vostro"), ("vostri", "vostro"),
            ("vostre", "vostro"), ("vi", "ti"), ("mandami", "mi manda"), ("mandatemi", "mi manda"),
            ("mandi", "manda"), ("mandate", "manda"), ("inviami", "mi invia"), ("inviatemi", "mi invia"),
            ("chiamami", "mi chiama"), ("chiamatemi", "mi chiama"), ("richiamami", "mi richiama"),
            ("richiamatemi", "mi richiama"), ("contattami", "mi contatta"), ("contattatemi", "mi contatta"),
            ("scrivimi", "mi scrive"), ("scrivetemi", "mi scrive"), ("fammi", "mi fa"), ("fatemi", "mi fa"),
            ("aiutami", "mi aiuta"), ("aiutatemi", "mi aiuta"), ("cancellami", "mi cancella"),
            ("cancellatemi", "mi cancella"), ("toglimi", "mi toglie"), ("toglietemi", "mi toglie"),
            ("disdicimi", "mi disdice"), ("spostami", "mi sposta"), ("spostatemi", "mi sposta"),

            // English chat shorthand.
            ("u", "you"), ("ya", "you"), ("ur", "your"), ("r", "are"), ("pls", "please"), ("plz", "please"),
            ("pleasee", "please"), ("thx", "thanks"), ("thnx", "thanks"), ("tnx", "thanks"), ("ty", "thank you"),
            ("tysm", "thank you"), ("thank", "thanks"), ("asap", "as soon as possible"), ("im", "i am"),
            ("dont", "do not"), ("cant", "can not"), ("cannot", "can not"), ("wont", "will not"),
            ("didnt", "did not"), ("doesnt", "does not"), ("isnt", "is not"), ("wanna", "want to"),
            ("gonna", "going to"), ("gotta", "have to"), ("gimme", "give me"), ("idk", "i do not know"),
            ("btw", "by the way"), ("tmrw", "tomorrow"), ("tmr", "tomorrow"), ("tomorow", "tomorrow"),
            ("appointement", "appointment"), ("apt", "appointment"), ("hrs", "hours"), ("hr", "hour"),
            ("whats", "what is"), ("wheres", "where is"), ("hows", "how is"), ("thats", "that is"),
            ("hii", "hi"), ("heyy", "hey"), ("hiya", "hi"), ("yo", "hey"), ("k", "ok"), ("kk", "ok"),
            ("okk", "ok"), ("okay", "ok"), ("okey", "ok"), ("oki", "ok"), ("okei", "ok"), ("okkei", "ok"),
            ("bday", "birthday"), ("msgs", "messages"), ("txt", "text"), ("ppl", "people"),
        };

        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (from, to) in pairs)
        {
            map[from] = to.Split(' ');
        }
        return map;
    }
}
