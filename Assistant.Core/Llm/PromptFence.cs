using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Llm;

/// <summary>
/// The data blocks of our prompts. Untrusted text (customer messages, passages, summaries) only ever goes
/// between fences, and any fence token inside it is neutralised first, so the text cannot close its block
/// and write instructions of its own.
/// </summary>
public static partial class PromptFence
{
    public const string ConversationSummary = "conversation_summary";
    public const string PreviousSummary = "previous_summary";
    public const string RecentTurns = "recent_turns";
    public const string Conversation = "conversation";
    public const string Turn = "turn";
    public const string Passages = "passages";
    public const string Passage = "passage";
    public const string CustomerMessage = "customer_message";

    // Look-alike opening brackets too: a model may read a fullwidth '＜' as '<'.
    [GeneratedRegex(@"[<＜﹤]\s*/?\s*(?:conversation_summary|previous_summary|recent_turns|conversation|turn|passages|passage|customer_message)(?![a-z0-9_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FenceTokenRegex();

    /// <summary>Makes <paramref name="text"/> safe to put inside a fence: fence tokens and the no-answer marker lose their meaning.</summary>
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // '‹' keeps the text readable for the model and for a person reading the prompt.
        var withoutFences = FenceTokenRegex().Replace(text, match => "‹" + match.Value[1..]);
        return NoAnswerMarker.Neutralize(withoutFences).Trim();
    }

    /// <summary>An attribute value: quoted, one line, no markup.</summary>
    public static string Attribute(string? value)
    {
        var builder = new StringBuilder(value?.Length ?? 0);
        foreach (var c in value ?? string.Empty)
        {
            builder.Append(c switch
            {
                '"' => "&quot;",
                '<' or '＜' or '﹤' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static void AppendBlock(StringBuilder builder, string tag, string? content)
    {
        builder.Append('<').Append(tag).Append(">\n");
        builder.Append(Neutralize(content)).Append('\n');
        builder.Append("</").Append(tag).Append(">\n");
    }

    public static void AppendTurns(StringBuilder builder, string tag, IEnumerable<ConversationTurn> turns)
    {
        builder.Append('<').Append(tag).Append(">\n");
        foreach (var turn in turns)
        {
            var role = turn.Role == ConversationRole.Customer ? "customer" : "assistant";
            builder.Append('<').Append(Turn).Append(" role=\"").Append(role).Append("\">\n");
            builder.Append(Neutralize(turn.Text)).Append('\n');
            builder.Append("</").Append(Turn).Append(">\n");
        }

        builder.Append("</").Append(tag).Append(">\n");
    }
}
