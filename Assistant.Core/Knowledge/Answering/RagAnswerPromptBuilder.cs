using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Llm;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// The knowledge answer's prompt is the LLM slice's guarded RAG prompt (<see cref="RagPromptBuilder"/>):
/// passages fenced with their <c>file#section</c> source tags, the conversation summary and recent
/// turns as data, the business's tone and the customer's language.
/// </summary>
public sealed class RagAnswerPromptBuilder : IAnswerPromptBuilder
{
    public IList<ChatMessage> BuildMessages(string question, IReadOnlyList<RetrievedPassage> passages, string language, BusinessProfile? business, KnowledgeAnswerContext? context) =>
        RagPromptBuilder.Build(new RagPromptRequest
        {
            Question = question,
            Language = language,
            Business = business ?? context?.Business ?? Anonymous(passages, language),
            Passages = [.. passages.Select(ToRagPassage)],
            Summary = context?.Memory,
            RecentTurns = [.. (context?.History ?? []).Where(m => m.Role == ChatRole.User || m.Role == ChatRole.Assistant).Select(ToTurn)],
        });

    /// <summary>The passage as the prompt and the grounding check see it.</summary>
    public static RagPassage ToRagPassage(RetrievedPassage passage) =>
        new(passage.Passage.Section.Length > 0 ? $"{passage.Passage.FileName}#{passage.Passage.Section}" : passage.Passage.FileName, passage.Passage.Text);

    private static ConversationTurn ToTurn(ChatMessage message) =>
        new(message.Role == ChatRole.User ? ConversationRole.Customer : ConversationRole.Assistant, message.Text);

    // Without a profile (a caller that passed none) the prompt still needs a name and a tone.
    private static BusinessProfile Anonymous(IReadOnlyList<RetrievedPassage> passages, string language) => new()
    {
        Id = passages.Count > 0 ? passages[0].Passage.BusinessId : "business",
        Name = passages.Count > 0 ? passages[0].Passage.BusinessId : "business",
        PhoneNumberId = string.Empty,
        Timezone = "Europe/Rome",
        Languages = [language],
    };
}
