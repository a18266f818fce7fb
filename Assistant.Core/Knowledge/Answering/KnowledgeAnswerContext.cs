using Assistant.Core.Businesses;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>Optional context of a question: the business (tone, thresholds), recent turns, and what is remembered about the customer.</summary>
public sealed record KnowledgeAnswerContext(BusinessProfile? Business = null, IReadOnlyList<ChatMessage>? History = null, string? Memory = null);
