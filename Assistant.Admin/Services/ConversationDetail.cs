using Assistant.Core.Conversations;

namespace Assistant.Admin.Services;

/// <summary>A conversation as the console shows it: record (with the summary), every kept line, its hand-offs and drafts.</summary>
public sealed record ConversationDetail(ConversationRecord Conversation, IReadOnlyList<ThreadLine> Messages, IReadOnlyList<HandoffRecord> Handoffs, IReadOnlyList<DraftRecord> Drafts);
