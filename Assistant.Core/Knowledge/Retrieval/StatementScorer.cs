namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// How well one statement (a sentence, list item or table row, with its headings) answers a
/// question: the share of the question's words it covers, weighted by rarity, discounted when it
/// misses what the question asks for (its focus), the names the question mentions, or a fact of
/// the expected kind (an amount, a year, a person). A statement about the right flat that does not
/// mention what was asked, or one that mentions it for another flat, scores low.
/// </summary>
public static class StatementScorer
{
    /// <summary>Share kept when the statement gives no fact of the expected kind.</summary>
    public const double MissingKindFactor = 0.6;

    /// <summary>How much more the words of what is asked count than the rest.</summary>
    public const double FocusWeight = 2.0;

    /// <summary>Share kept when the statement covers none of the names the question mentions.</summary>
    public const double MissingNamesFloor = 0.4;

    /// <summary>Share kept when the statement covers none of what is asked (on top of its double weight).</summary>
    public const double MissingFocusFloor = 0.5;

    /// <param name="concepts">The analysed question.</param>
    /// <param name="expected">Kinds of fact the question expects.</param>
    /// <param name="contains">Whether the statement (or its headings) has a stem.</param>
    /// <param name="offered">Kinds of fact the statement gives.</param>
    /// <param name="passageContains">
    /// Whether the statement or the text its passage shares with every statement has a stem, for
    /// names: a section about a branch names it once (in its address), not in every statement.
    /// </param>
    public static double Score(IReadOnlyList<QueryConcept> concepts, AnswerKind expected, Func<string, bool> contains, AnswerKind offered, Func<string, bool>? passageContains = null)
    {
        var kindMet = expected == AnswerKind.None || (expected & offered) != 0;
        var all = new Share();
        var named = new Share();
        var focus = new Share();
        foreach (var concept in concepts)
        {
            var found = concept.IsKindCue && kindMet ? 1.0
                : Covered(concept, concept.Role == ConceptRole.Entity && passageContains is not null ? passageContains : contains);
            all.Add(concept.Weight * (concept.IsFocus ? FocusWeight : 1), found);
            if (concept.IsFocus)
            {
                focus.Add(concept.Weight, found);
            }
            if (concept.Role == ConceptRole.Entity)
            {
                named.Add(concept.Weight, found);
            }
        }

        var score = all.Value(0) * Part(named, MissingNamesFloor) * Part(focus, MissingFocusFloor);
        return kindMet ? score : score * MissingKindFactor;

        static double Part(Share share, double floor) => floor + ((1 - floor) * share.Value(1));
    }

    private static double Covered(QueryConcept concept, Func<string, bool> contains)
    {
        var best = 0.0;
        foreach (var (variant, weight) in concept.Variants)
        {
            if (weight > best && contains(variant))
            {
                best = weight;
            }
        }
        return best;
    }

    private struct Share
    {
        private double _total;
        private double _found;

        public void Add(double weight, double found)
        {
            _total += weight;
            _found += weight * found;
        }

        public readonly double Value(double whenEmpty) => _total == 0 ? whenEmpty : _found / _total;
    }
}
