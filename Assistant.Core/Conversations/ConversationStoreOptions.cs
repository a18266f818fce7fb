using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Conversations;

/// <summary>The <c>Conversations</c> section.</summary>
public sealed class ConversationStoreOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Lines kept per conversation for the admin thread view; older ones live on in the summary.</summary>
    [Range(10, 100_000)]
    public int MaxMessagesKept { get; set; } = 500;

    /// <summary>A conversation untouched this long is deleted with its messages (privacy retention).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 365;
}
