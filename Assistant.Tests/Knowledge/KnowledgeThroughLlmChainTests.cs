using Assistant.Core.Businesses;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Tests.Infrastructure;
using Assistant.Tests.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// Knowledge answers written by the LLM chain, through the real <c>AddLlmChain()</c> + <c>AddKnowledge()</c>
/// registration, against an OpenAI-compatible stand-in on loopback. Each test has its own host and
/// stand-in: one failure opens the provider's circuit for the rest of a host's life.
/// </summary>
public sealed class KnowledgeThroughLlmChainTests(AuroraKnowledgeFixture aurora) : IClassFixture<AuroraKnowledgeFixture>, IAsyncLifetime
{
    private const string OtherBusiness = "studio-bianchi";
    private const string OtherBusinessMarker = "Bianchi-only";

    private OpenAiStandIn _openAi = null!;
    private IHost _host = null!;

    private KnowledgeAnswerService Answers => _host.Services.GetRequiredService<KnowledgeAnswerService>();

    public async Task InitializeAsync()
    {
        _openAi = await OpenAiStandIn.StartNewAsync().Within(TestTimeouts.Startup);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "groq",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = _openAi.Endpoint.ToString(),
            ["Llm:Providers:0:Model"] = "llama-3.3-70b-versatile",
            ["Llm:Providers:0:ApiKey"] = LlmTestHost.OpenAiKey,
            ["Llm:Providers:0:TimeoutSeconds"] = "5",
        });
        builder.AddLlmChain();
        builder.AddKnowledge();
        // The fixture's MiniLM instance, so that each test does not load the model again.
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(aurora.Embeddings);
        _host = builder.Build();

        var ingestor = _host.Services.GetRequiredService<KnowledgeIngestor>();
        await ingestor.IngestAsync(AuroraKnowledgeFixture.BusinessId, KnowledgeTestData.Aurora.Knowledge).Within(TestTimeouts.Startup);
        await ingestor.IngestAsync(OtherBusiness, [new KnowledgeFile("prezzi.md", $"# Prezzi\n\n## Igiene\n\nLa pulizia dei denti costa 45 € ({OtherBusinessMarker}).\n")]).Within(TestTimeouts.Startup);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _openAi.DisposeAsync().AsTask().Within();
    }

    [Fact]
    public void The_registration_uses_the_guarded_rag_prompt()
    {
        Assert.IsType<RagAnswerPromptBuilder>(_host.Services.GetRequiredService<IAnswerPromptBuilder>());
        Assert.NotNull(_host.Services.GetKeyedService<IChatClient>(KnowledgeAnswerService.ChatClientKey));
    }

    [Fact]
    public async Task The_prompt_carries_this_business_passages_with_source_tags_and_no_other_business()
    {
        _openAi.Enqueue(StandInReply.Answer("La pulizia dei denti costa 90 €."));
        var context = new KnowledgeAnswerContext(Profile(BusinessTone.Friendly), [new ChatMessage(ChatRole.User, "Ciao, una domanda sui prezzi")], "Cliente abituale.");

        var answer = await Answers.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa la pulizia dei denti?", "it", context).Within(TestTimeouts.Startup);

        var sent = Assert.Single(_openAi.Requests).Messages;
        Assert.Equal("system", sent[0].Role);
        Assert.Contains("\"tu\"", sent[0].Content, StringComparison.Ordinal);
        Assert.Contains("<passage source=\"prezzi.md", sent[1].Content, StringComparison.Ordinal);
        Assert.Contains("Igiene professionale (pulizia dei denti)", sent[1].Content, StringComparison.Ordinal);
        Assert.Contains("Cliente abituale.", sent[1].Content, StringComparison.Ordinal);
        Assert.Contains("Ciao, una domanda sui prezzi", sent[1].Content, StringComparison.Ordinal);
        Assert.Contains("<customer_message>\nQuanto costa la pulizia dei denti?\n</customer_message>", sent[1].Content, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherBusinessMarker, _openAi.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("La pulizia dei denti costa 90 €.", answer.Text);
        Assert.False(answer.Abstained);
        Assert.False(answer.NeedsReview, $"confidence {answer.Confidence:F2}");
        Assert.Equal("llama-3.3-70b-versatile", answer.Provider);
    }

    [Fact]
    public async Task A_no_answer_reply_abstains_and_offers_a_person()
    {
        _openAi.Enqueue(StandInReply.Answer("Mi dispiace, non ho questa informazione.\n[[NO_ANSWER]]"));

        var answer = await Answers.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa la pulizia dei denti?", "it", new KnowledgeAnswerContext(Profile())).Within(TestTimeouts.Startup);

        Assert.True(answer.Abstained);
        Assert.Contains("collega", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NO_ANSWER", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public async Task An_answer_citing_a_number_not_in_the_passages_needs_review()
    {
        _openAi.Enqueue(StandInReply.Answer("La pulizia dei denti costa 65 €."));

        var answer = await Answers.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa la pulizia dei denti?", "it", new KnowledgeAnswerContext(Profile())).Within(TestTimeouts.Startup);

        Assert.False(answer.Abstained);
        Assert.True(answer.NeedsReview);
        Assert.Equal(0, answer.Confidence);
        Assert.Equal("La pulizia dei denti costa 65 €.", answer.Text);
    }

    [Fact]
    public async Task When_every_provider_fails_the_extractive_answer_goes_to_review()
    {
        _openAi.Enqueue(StandInReply.Status(500));

        var answer = await Answers.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa la pulizia dei denti?", "it", new KnowledgeAnswerContext(Profile())).Within(TestTimeouts.Startup);

        Assert.Single(_openAi.Requests);
        Assert.Equal(KnowledgeAnswerService.ExtractiveProvider, answer.Provider);
        Assert.True(answer.NeedsReview);
        Assert.False(answer.Abstained);
        Assert.Contains("90 €", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswerable_question_abstains_without_calling_the_model()
    {
        var answer = await Answers.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Avete un servizio di taxi per i pazienti anziani?", "it", new KnowledgeAnswerContext(Profile())).Within(TestTimeouts.Startup);

        Assert.True(answer.Abstained);
        Assert.Empty(_openAi.Requests);
    }

    private static BusinessProfile Profile(BusinessTone tone = BusinessTone.Formal) => KnowledgeTestData.Aurora.Profile with { Tone = tone };
}
