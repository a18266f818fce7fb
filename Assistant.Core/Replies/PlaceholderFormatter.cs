using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Replies;

/// <summary>
/// Fills <c>{name}</c> placeholders. Text inside <c>[[ ]]</c> is kept only when every placeholder
/// in it has a value ("Ciao[[ {customerName}]]!" reads "Ciao!" for an unknown name); an unknown
/// placeholder outside brackets becomes empty and the spacing around it is tidied.
/// </summary>
internal static partial class PlaceholderFormatter
{
    public static string Format(string template, IReadOnlyDictionary<string, string?> values)
    {
        var withOptionals = OptionalSegment().Replace(template, match =>
        {
            var inner = match.Groups[1].Value;
            foreach (Match placeholder in Placeholder().Matches(inner))
            {
                if (string.IsNullOrWhiteSpace(values.GetValueOrDefault(placeholder.Groups[1].Value)))
                {
                    return string.Empty;
                }
            }
            return inner;
        });

        var filled = Placeholder().Replace(withOptionals, match => values.GetValueOrDefault(match.Groups[1].Value)?.Trim() ?? string.Empty);
        return Tidy(filled);
    }

    /// <summary>Collapses the double spaces and the stray space or comma an empty placeholder leaves.</summary>
    private static string Tidy(string text)
    {
        var result = new StringBuilder(SpaceBeforePunctuation().Replace(MultipleSpaces().Replace(text, " "), "$1"));
        result.Replace(",!", "!").Replace(",.", ".").Replace(",?", "?");
        return result.ToString().Trim();
    }

    [GeneratedRegex(@"\[\[(.*?)\]\]", RegexOptions.Singleline)]
    private static partial Regex OptionalSegment();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"[ \t]+([,.!?;:])")]
    private static partial Regex SpaceBeforePunctuation();
}
