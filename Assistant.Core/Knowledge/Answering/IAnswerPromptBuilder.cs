using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Retrieval;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// Turns a question and its passages into chat messages for the language model. The default is
/// <see cref="RagAnswerPromptBuilder"/>; a host may register another.
/// </summary>
public interface IAnswerPromptBuilder
{
    IList<ChatMessage> BuildMessages(string question, IReadOnlyList<RetrievedPassage> passages, string language, BusinessProfile? business, KnowledgeAnswerContext? context);
}
