using Assistant.Core.Knowledge.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// The knowledge answer the worker asks for: retrieve; when the knowledge base does not cover the
/// question, abstain (no model call: there is nothing to ground it on); otherwise let the chat
/// client (the LLM fallback chain) write the reply, and quote the passages extractively when
/// there is no chat client or it fails.
/// </summary>
public sealed partial class KnowledgeAnswerService(
    HybridRetriever retriever,
    ExtractiveAnswerer extractive,
    IChatClient? chatClient = null,
    IAnswerPromptBuilder? promptBuilder = null,
    ILogger<KnowledgeAnswerService>? logger = null)
{
    /// <summary>DI key of the LLM fallback chain.</summary>
    public const string ChatClientKey = "assistant-llm";

    public const string ExtractiveProvider = "extractive";

    private readonly ILogger _logger = logger ?? NullLogger<KnowledgeAnswerService>.Instance;
    private readonly IAnswerPromptBuilder _prompts = promptBuilder ?? new MinimalAnswerPromptBuilder();

    public async Task<KnowledgeAnswer> AnswerAsync(string businessId, string question, string language, KnowledgeAnswerContext? context = null, CancellationToken cancellationToken = default)
    {
        var retrieval = await retriever.RetrieveAsync(businessId, question, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(businessId, retrieval, language, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers from a retrieval already made (the eval command times retrieval on its own).</summary>
    public async Task<KnowledgeAnswer> AnswerAsync(string businessId, RetrievalResult retrieval, string language, KnowledgeAnswerContext? context = null, CancellationToken cancellationToken = default)
    {
        var question = retrieval.Question;
        var business = context?.Business;
        var friendly = business?.Tone == Businesses.BusinessTone.Friendly;
        var autoSend = business?.Handoff.AutoSendMinConfidence ?? 0.7;
        var topScore = retrieval.Passages.Count > 0 ? retrieval.Passages[0].Score : 0;

        var quoted = extractive.Answer(retrieval, language, friendly, autoSend);
        if (quoted.Abstained || chatClient is null)
        {
            return new KnowledgeAnswer(quoted.Text, quoted.Sources, topScore, quoted.Confidence, quoted.Abstained, ExtractiveProvider, quoted.NeedsReview);
        }

        try
        {
            var messages = _prompts.BuildMessages(question, retrieval.Passages, language, business, context);
            var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = response.Text.Trim();
            if (text.Length == 0)
            {
                throw new InvalidOperationException("The chat client returned an empty reply.");
            }
            var provider = response.ModelId ?? chatClient.GetService<ChatClientMetadata>()?.ProviderName ?? "llm";
            return new KnowledgeAnswer(text, quoted.Sources, topScore, quoted.Confidence, false, provider, quoted.Confidence < autoSend);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The chain already tried every provider: quote instead, and have a person look first.
            LogChatFailed(_logger, businessId, ex);
            return new KnowledgeAnswer(quoted.Text, quoted.Sources, topScore, quoted.Confidence, false, ExtractiveProvider, true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat client failed for a knowledge answer of {BusinessId}; answering extractively for review")]
    private static partial void LogChatFailed(ILogger logger, string businessId, Exception exception);
}
