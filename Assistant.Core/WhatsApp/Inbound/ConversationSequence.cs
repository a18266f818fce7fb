namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// Per conversation, the sorted set of its <c>wa:inbound</c> entry ids not yet handled, in arrival
/// order. The webhook adds to it atomically with the XADD; the worker handles an entry only when
/// it is the first one left, and removes it once handled.
/// </summary>
public static class ConversationSequence
{
    public static string Key(string conversation) => $"wa:seq:{conversation}";

    /// <summary>A key the script is given for events without a conversation (statuses): never written.</summary>
    public const string NoConversationKey = "wa:seq:-";

    /// <summary>The score the webhook gives an entry id <c>ms-seq</c>: ms × 1000 + seq, exact in a double.</summary>
    public static double Score(string entryId)
    {
        var dash = entryId.IndexOf('-', StringComparison.Ordinal);
        return long.Parse(entryId.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture) * 1000d
            + long.Parse(entryId.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
    }
}
