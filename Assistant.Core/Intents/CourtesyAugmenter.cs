namespace Assistant.Core.Intents;

/// <summary>
/// Extra training copies of examples with the courtesies customers wrap requests in: a greeting
/// before ("Buongiorno, ...") and thanks after ("... grazie"). Without them a message that opens
/// with "Buongiorno" leans towards <c>greeting</c> and one that ends with "grazie" towards
/// <c>thanks_goodbye</c>, whatever it asks; with them the model learns that the courtesy says
/// nothing about the request. Deterministic: the same text always gets the same copies.
/// </summary>
public static class CourtesyAugmenter
{
    private static readonly string[] ItalianGreetings = ["Buongiorno, ", "Salve, ", "Ciao! ", "Buonasera, ", "buongiorno ", "Salve, buongiorno. "];
    private static readonly string[] EnglishGreetings = ["Hi, ", "Hello, ", "Good morning, ", "Hi there! "];
    private static readonly string[] ItalianThanks = [" grazie", ", grazie mille", " grazie in anticipo", ". Grazie 🙏", " grazie, buona giornata"];
    private static readonly string[] EnglishThanks = [" thanks", ", thank you", ". Thanks in advance"];

    // Percent of examples that get a greeting copy and a thanks copy. Measured on the consultancy
    // and dental held-out sets and the dev corpus (BENCHMARKS.md): 30/10 was best of 15-60/0-15.
    private const uint GreetingShare = 30;
    private const uint ThanksShare = 10;

    /// <summary>The courtesy copies of one example (none for the intents the courtesy itself signals).</summary>
    public static IEnumerable<(string Text, string Label)> CopiesOf(string text, string label, string? language)
    {
        var hash = StableHash(text);
        var english = language == "en";
        if (label != IntentIds.Greeting && hash % 100 < GreetingShare)
        {
            var greetings = english ? EnglishGreetings : ItalianGreetings;
            yield return (greetings[(hash >> 8) % (uint)greetings.Length] + text, label);
        }
        if (label != IntentIds.ThanksGoodbye && label != IntentIds.Greeting && (hash >> 4) % 100 < ThanksShare)
        {
            var thanks = english ? EnglishThanks : ItalianThanks;
            yield return (text.TrimEnd() + thanks[(hash >> 12) % (uint)thanks.Length], label);
        }
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }
}
