using Assistant.Core.Conversations;
using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Admin.Services;

/// <summary>Everything held about one contact of one business (a data subject access request).</summary>
public sealed record ContactExport(
    string BusinessId,
    string Contact,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ConversationExport> Conversations,
    bool OptedOut);

/// <summary>One conversation of the export with all it carries.</summary>
public sealed record ConversationExport(
    ConversationRecord Conversation,
    IReadOnlyList<ConversationMessage> Messages,
    IReadOnlyList<HandoffRecord> Handoffs,
    IReadOnlyList<DraftRecord> Drafts,
    IReadOnlyList<SandboxDelivery> SandboxDeliveries,
    IReadOnlyList<OutboundRecordExport> OutboundRecords);

/// <summary>An outbound record's fields as stored.</summary>
public sealed record OutboundRecordExport(string Id, IReadOnlyDictionary<string, string> Fields);
