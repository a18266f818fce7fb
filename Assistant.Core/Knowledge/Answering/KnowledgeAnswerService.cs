using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// The knowledge answer the worker asks for: retrieve; when the knowledge base does not cover the
/// question, abstain (no model call: there is nothing to ground it on); otherwise let the chat
/// client (the LLM fallback chain) write the reply from the guarded RAG prompt. A reply with the
/// no-answer marker abstains and offers a person; a reply citing numbers the passages do not hold
/// loses confidence (<see cref="AnswerSupport"/>) and waits for review. Without a chat client, or
/// when every provider fails, the passages are quoted extractively.
/// </summary>
public sealed partial class KnowledgeAnswerService(
    HybridRetriever retriever,
    ExtractiveAnswerer extractive,
    IChatClient? chatClient = null,
    IAnswerPromptBuilder? promptBuilder = null,
    ILogger<KnowledgeAnswerService>? logger = null)
{
    /// <summary>DI key of the LLM fallback chain.</summary>
    public const string ChatClientKey = LlmServiceKeys.ChatClient;

    public const string ExtractiveProvider = "extractive";

    private readonly ILogger _logger = logger ?? NullLogger<KnowledgeAnswerService>.Instance;
    private readonly IAnswerPromptBuilder _prompts = promptBuilder ?? new RagAnswerPromptBuilder();

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
            if (string.IsNullOrWhiteSpace(response.Text))
            {
                throw new InvalidOperationException("The chat client returned an empty reply.");
            }
            var provider = response.ModelId ?? chatClient.GetService<ChatClientMetadata>()?.ProviderName ?? "llm";
            var reply = RagAnswer.Parse(response.Text);
            if (reply.IsNoAnswer)
            {
                // The model read the passages and found no answer: it knows better than word overlap.
                LogModelAbstained(_logger, businessId, provider);
                return new KnowledgeAnswer(AnswerLanguage.Abstain(language, friendly), [], topScore, quoted.Confidence, true, provider, false);
            }

            // An invented price or time lowers the confidence below any auto-send threshold.
            var support = AnswerSupport.Score(reply.Text, retrieval.Passages.Select(p => p.Passage.Text));
            var confidence = quoted.Confidence * support;
            var needsReview = support < 1 || confidence < autoSend;
            return new KnowledgeAnswer(reply.Text, quoted.Sources, topScore, confidence, false, provider, needsReview);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The chain already tried every provider: quote instead, and have a person look first.
            LogChatFailed(_logger, businessId, ex);
            return new KnowledgeAnswer(quoted.Text, quoted.Sources, topScore, quoted.Confidence, false, ExtractiveProvider, true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The model ({Provider}) found no answer in the passages for {BusinessId}; abstaining")]
    private static partial void LogModelAbstained(ILogger logger, string businessId, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat client failed for a knowledge answer of {BusinessId}; answering extractively for review")]
    private static partial void LogChatFailed(ILogger logger, string businessId, Exception exception);
}
