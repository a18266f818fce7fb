using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Retrieval;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// Turns a question and its passages into chat messages for the language model. The LLM slice
/// owns the real prompt and registers its own implementation; <see cref="MinimalAnswerPromptBuilder"/>
/// is the stand-in.
/// </summary>
public interface IAnswerPromptBuilder
{
    IList<ChatMessage> BuildMessages(string question, IReadOnlyList<RetrievedPassage> passages, string language, BusinessProfile? business, KnowledgeAnswerContext? context);
}
