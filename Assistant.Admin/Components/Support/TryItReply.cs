using Assistant.Core.Conversations;

namespace Assistant.Admin.Components.Support;

/// <summary>One reply the test customer received, and the thread line behind it (intent, confidence, sources) when known.</summary>
public sealed record TryItReply(string Id, string Text, DateTimeOffset DeliveredAt, ConversationMessage? Line);
