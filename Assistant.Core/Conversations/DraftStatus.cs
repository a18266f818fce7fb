namespace Assistant.Core.Conversations;

public static class DraftStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Edited = "edited";
    public const string Rejected = "rejected";
    public const string Escalated = "escalated";
}
