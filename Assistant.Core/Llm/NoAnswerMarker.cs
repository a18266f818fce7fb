using System.Text.RegularExpressions;

namespace Assistant.Core.Llm;

/// <summary>
/// The line the model ends its reply with when the passages do not hold the answer. The caller detects it,
/// strips it, and hands the conversation to a person.
/// </summary>
public static partial class NoAnswerMarker
{
    public const string Value = "[[NO_ANSWER]]";

    // Tolerant of what models do to it: spaces, case, a missing underscore.
    [GeneratedRegex(@"\[\[\s*NO[\s_-]?ANSWER\s*\]\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();

    public static bool IsPresent(string? answer) => answer is not null && MarkerRegex().IsMatch(answer);

    /// <summary>The answer without the marker, trimmed.</summary>
    public static string Strip(string? answer) =>
        answer is null ? string.Empty : MarkerRegex().Replace(answer, string.Empty).Trim();

    /// <summary>For text going into a prompt as data: a customer or passage must not be able to plant the marker.</summary>
    internal static string Neutralize(string text) => MarkerRegex().Replace(text, "(NO_ANSWER)");
}
