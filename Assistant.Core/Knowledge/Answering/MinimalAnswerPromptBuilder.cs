using System.Text;
using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Retrieval;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>A plain grounded prompt, used until the LLM slice registers its own builder.</summary>
public sealed class MinimalAnswerPromptBuilder : IAnswerPromptBuilder
{
    public IList<ChatMessage> BuildMessages(string question, IReadOnlyList<RetrievedPassage> passages, string language, BusinessProfile? business, KnowledgeAnswerContext? context)
    {
        var system = new StringBuilder()
            .AppendLine($"You answer WhatsApp questions for {business?.Name ?? "a small business"}, in the language '{language}'.")
            .AppendLine("Use only the passages below. Keep times, prices and names exactly as written. If the passages do not answer, say you do not have that information and offer to pass the customer to a colleague.")
            .AppendLine();
        foreach (var p in passages)
        {
            system.AppendLine($"[{p.Passage.FileName} › {p.Passage.Context}]").AppendLine(p.Passage.Text).AppendLine();
        }
        var messages = new List<ChatMessage> { new(ChatRole.System, system.ToString()) };
        if (context?.History is { } history)
        {
            messages.AddRange(history);
        }
        messages.Add(new ChatMessage(ChatRole.User, question));
        return messages;
    }
}
