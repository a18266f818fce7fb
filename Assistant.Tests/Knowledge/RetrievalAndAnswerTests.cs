using Assistant.Core.Knowledge.Answering;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Knowledge;

/// <summary>Retrieval and answers on the dental pack, a business the retrieval code was not tuned on.</summary>
public sealed class RetrievalAndAnswerTests(AuroraKnowledgeFixture aurora) : IClassFixture<AuroraKnowledgeFixture>
{
    [Theory]
    [InlineData("A che ora aprite il giovedì?", "orari.md")]
    [InlineData("Quanto costa la pulizia dei denti?", "prezzi.md")]
    [InlineData("Dove posso parcheggiare la macchina?", "dove-siamo.md")]
    [InlineData("Posso pagare a rate un impianto?", "pagamenti-assicurazioni.md")]
    [InlineData("x disdire un appuntamento quanto preavviso serve?", "appuntamenti.md")]
    [InlineData("How much is teeth whitening?", "prezzi.md")]
    [InlineData("Which metro stop is closest to you?", "dove-siamo.md")]
    [InlineData("Who speaks English at the clinic?", "team.md")]
    public async Task Finds_the_right_file_for_Italian_and_English_questions(string question, string file)
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, question).Within(TestTimeouts.Startup);

        Assert.Equal(file, result.Passages[0].Passage.FileName);
        Assert.True(result.IsAnswerable, $"confidence {result.Confidence:F2}");
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("Dove si trova lo studio?", "Via Paolo Sarpi")]
    [InlineData("Volevo sapere quanto costa la pulizia", "90")]
    public async Task Everyday_phrasings_of_a_covered_question_are_answered_without_review(string question, string fact)
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, question).Within(TestTimeouts.Startup);
        var answer = aurora.Extractive.Answer(result, "it");

        Assert.False(answer.Abstained);
        Assert.False(answer.NeedsReview, $"confidence {answer.Confidence:0.00}");
        Assert.Contains(fact, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_business_gets_nothing_from_this_one()
    {
        var result = await aurora.Retriever.RetrieveAsync("casa-nostra", "Quanto costa la pulizia dei denti?").Within(TestTimeouts.Startup);
        Assert.Empty(result.Passages);
        Assert.False(result.IsAnswerable);
    }

    [Fact]
    public async Task The_extractive_answer_keeps_the_price_and_cites_the_section()
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa la pulizia dei denti?").Within(TestTimeouts.Startup);
        var answer = aurora.Extractive.Answer(result, "it");

        Assert.False(answer.Abstained);
        Assert.Contains("90 €", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ecco", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Sources, s => s.FileName == "prezzi.md");
    }

    [Theory]
    [InlineData("Qual è la capitale dell'Australia?", "it")]
    [InlineData("Avete un servizio di taxi per i pazienti anziani?", "it")]
    [InlineData("What is the capital of Australia?", "en")]
    public async Task Abstains_and_offers_a_colleague_on_an_unrelated_question(string question, string language)
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, question).Within(TestTimeouts.Startup);
        var answer = aurora.Extractive.Answer(result, language);

        Assert.True(answer.Abstained, $"confidence {result.Confidence:F2}");
        Assert.Contains(language == "it" ? "collega" : "colleague", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Sources);
    }

    [Theory]
    [InlineData("Il Garage Bramante ha posti per disabili?", "it")]
    [InlineData("Quanti anni ha la dottoressa Valsecchi?", "it")]
    [InlineData("What is the wifi password in the waiting room?", "en")]
    public async Task Abstains_when_a_real_item_is_named_but_the_asked_detail_is_not_written(string question, string language)
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, question).Within(TestTimeouts.Startup);
        var answer = aurora.Extractive.Answer(result, language);

        Assert.True(answer.Abstained, $"confidence {result.Confidence:F2}");
    }

    [Theory]
    [InlineData("In che anno è stato aperto lo studio?", "2011")]
    [InlineData("Qual è il numero per le urgenze fuori orario?", "335 718 2290")]
    [InlineData("Quanto costa l'ortopanoramica?", "60 €")]
    public async Task Answers_with_the_fact_of_the_expected_kind(string question, string fact)
    {
        var result = await aurora.Retriever.RetrieveAsync(AuroraKnowledgeFixture.BusinessId, question).Within(TestTimeouts.Startup);
        var answer = aurora.Extractive.Answer(result, "it");

        Assert.False(answer.Abstained, $"confidence {result.Confidence:F2}");
        Assert.Contains(fact, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_service_falls_back_to_the_extractive_answer_when_the_chat_client_throws()
    {
        var service = new KnowledgeAnswerService(aurora.Retriever, aurora.Extractive, new ThrowingChatClient());

        var answer = await service.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa lo sbiancamento?", "it").Within(TestTimeouts.Startup);

        Assert.Equal(KnowledgeAnswerService.ExtractiveProvider, answer.Provider);
        Assert.True(answer.NeedsReview);
        Assert.False(answer.Abstained);
        Assert.Contains("350", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_service_uses_the_chat_client_when_it_answers()
    {
        var service = new KnowledgeAnswerService(aurora.Retriever, aurora.Extractive, new FixedChatClient("Lo sbiancamento costa 350 €."));

        var answer = await service.AnswerAsync(AuroraKnowledgeFixture.BusinessId, "Quanto costa lo sbiancamento?", "it").Within(TestTimeouts.Startup);

        Assert.Equal("Lo sbiancamento costa 350 €.", answer.Text);
        Assert.Equal("fixed-model", answer.Provider);
        Assert.Contains(answer.Sources, s => s.FileName == "prezzi.md");
    }

    private sealed class ThrowingChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("every provider is down");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("every provider is down");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class FixedChatClient(string reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = "fixed-model" });

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
