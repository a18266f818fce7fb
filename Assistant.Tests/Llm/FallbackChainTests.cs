using Assistant.Core.Llm;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Llm;

public sealed class FallbackChainTests : LlmStandInTestBase
{
    [Fact]
    public async Task First_provider_answers_and_the_response_names_it()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Answer("Apriamo alle 9:00."));

        var response = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        Assert.Equal("Apriamo alle 9:00.", response.Text);
        Assert.Equal("groq", response.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Equal("llama-3.3-70b-versatile", response.ModelId);
        Assert.Equal(OpenAiStandIn.PromptTokens, response.Usage?.InputTokenCount);
        Assert.Empty(Ollama.Requests);
    }

    [Fact]
    public async Task The_openai_request_carries_model_bearer_key_path_and_the_fenced_passages()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        var messages = TestPrompts.Messages("Quanto costa l'igiene?");

        await host.Chain.GetResponseAsync(messages).Within();

        var request = Assert.Single(OpenAi.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(OpenAiStandIn.BasePath + "/chat/completions", request.Path);
        Assert.Equal("Bearer " + LlmTestHost.OpenAiKey, request.Authorization);
        Assert.Equal("llama-3.3-70b-versatile", request.Model);
        var sent = request.Messages;
        Assert.Equal([("system", messages[0].Text), ("user", messages[1].Text)], sent);
        Assert.Contains(
            "<passage source=\"prezzi.md#Igiene\">\nUna seduta di igiene orale costa 80 €, con lo sbiancamento 150 €.\n</passage>",
            sent[1].Content,
            StringComparison.Ordinal);
    }

    public static TheoryData<string, LlmFailureReason> FirstProviderFailures => new()
    {
        { "500", LlmFailureReason.ServerError },
        { "429", LlmFailureReason.RateLimited },
        { "401", LlmFailureReason.ClientError },
        { "malformed", LlmFailureReason.MalformedReply },
        { "empty", LlmFailureReason.EmptyReply },
        { "timeout", LlmFailureReason.Timeout },
    };

    [Theory]
    [MemberData(nameof(FirstProviderFailures))]
    public async Task A_failing_openai_provider_falls_over_to_the_ollama_one(string failure, LlmFailureReason expected)
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(Script(failure));

        var call = host.Chain.GetResponseAsync(TestPrompts.Messages());
        if (failure == "timeout")
        {
            await OpenAi.NextRequestAsync();
            // The provider's per-call timeout runs on the injected clock: step past it.
            host.Time.Advance(TimeSpan.FromSeconds(6));
        }

        var response = await call.Within();

        Assert.Equal(Ollama.DefaultAnswer, response.Text.Trim());
        Assert.Equal("local", response.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Equal("qwen2.5:3b", response.ModelId);
        var ollamaRequest = Assert.Single(Ollama.Requests);
        Assert.Equal("/api/chat", ollamaRequest.Path);
        Assert.Equal("qwen2.5:3b", ollamaRequest.Model);
        var groq = host.Board.Get("groq")!;
        Assert.StartsWith(expected.ToTag(), groq.LastFailureReason, StringComparison.Ordinal);
        Assert.Equal(1, groq.ConsecutiveFailures);
    }

    [Theory]
    [InlineData("500", LlmFailureReason.ServerError)]
    [InlineData("malformed", LlmFailureReason.MalformedReply)]
    [InlineData("empty", LlmFailureReason.EmptyReply)]
    public async Task A_failing_ollama_provider_falls_over_to_the_next_one(string failure, LlmFailureReason expected)
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "local",
            ["Llm:Providers:0:Kind"] = "ollama",
            ["Llm:Providers:0:Endpoint"] = Ollama.BaseUri.ToString(),
            ["Llm:Providers:0:Model"] = "qwen2.5:3b",
            ["Llm:Providers:1:Name"] = "mistral",
            ["Llm:Providers:1:Kind"] = "openai",
            ["Llm:Providers:1:Endpoint"] = OpenAi.Endpoint.ToString(),
            ["Llm:Providers:1:Model"] = "mistral-small-latest",
            ["Llm:Providers:1:ApiKey"] = "mistral-key",
        });
        Ollama.Enqueue(Script(failure));

        var response = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        Assert.Equal(OpenAi.DefaultAnswer, response.Text);
        Assert.Equal("mistral", response.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Equal("Bearer mistral-key", Assert.Single(OpenAi.Requests).Authorization);
        Assert.StartsWith(expected.ToTag(), host.Board.Get("local")!.LastFailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_provider_falls_over()
    {
        var closedPort = ClosedPort();
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "down",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = $"http://127.0.0.1:{closedPort}/v1",
            ["Llm:Providers:0:Model"] = "m",
            ["Llm:Providers:1:Name"] = "local",
            ["Llm:Providers:1:Kind"] = "ollama",
            ["Llm:Providers:1:Endpoint"] = Ollama.BaseUri.ToString(),
            ["Llm:Providers:1:Model"] = "qwen2.5:3b",
        });

        var response = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        Assert.Equal("local", response.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.StartsWith("error", host.Board.Get("down")!.LastFailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_provider_fails_the_exception_carries_each_reason()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(503));
        Ollama.Enqueue(StandInReply.Status(429, retryAfterSeconds: 20));

        var exception = await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Chain.GetResponseAsync(TestPrompts.Messages()).Within());

        Assert.Collection(
            exception.Failures,
            f => Assert.Equal(new LlmProviderFailure("groq", LlmFailureReason.ServerError, "HTTP 503"), f),
            f => Assert.Equal(new LlmProviderFailure("local", LlmFailureReason.RateLimited, "HTTP 429"), f));
        Assert.Contains("groq: server_error", exception.Message, StringComparison.Ordinal);
        Assert.Contains("local: rate_limited", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_provider_is_skipped_during_its_cooldown_and_tried_again_after()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(500));

        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Single(OpenAi.Requests);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(30), host.Board.Get("groq")!.CoolingDownUntil);

        // Within the cool-down: groq is not called at all.
        host.Time.Advance(TimeSpan.FromSeconds(29));
        var during = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Equal("local", during.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Single(OpenAi.Requests);
        Assert.Equal(2, Ollama.Requests.Count);

        // After it: groq is tried again, answers, and its breaker closes.
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var after = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Equal("groq", after.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Equal(2, OpenAi.Requests.Count);
        var groq = host.Board.Get("groq")!;
        Assert.Equal(0, groq.ConsecutiveFailures);
        Assert.Null(groq.CoolingDownUntil);
    }

    [Fact]
    public async Task Consecutive_failures_double_the_cooldown()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(500), StandInReply.Status(502));

        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        host.Time.Advance(TimeSpan.FromSeconds(31));
        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        var groq = host.Board.Get("groq")!;
        Assert.Equal(2, groq.ConsecutiveFailures);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(60), groq.CoolingDownUntil);
    }

    [Fact]
    public async Task A_429_cooldown_honours_retry_after()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(429, retryAfterSeconds: 120));

        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(120), host.Board.Get("groq")!.CoolingDownUntil);

        // Past the default 30 s cool-down but within Retry-After: still skipped.
        host.Time.Advance(TimeSpan.FromSeconds(60));
        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Single(OpenAi.Requests);

        host.Time.Advance(TimeSpan.FromSeconds(61));
        var response = await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();
        Assert.Equal("groq", response.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]);
        Assert.Equal(2, OpenAi.Requests.Count);
    }

    [Fact]
    public async Task When_every_provider_is_cooling_down_the_chain_fails_fast_without_calls()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(500));
        Ollama.Enqueue(StandInReply.Status(500));
        await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Chain.GetResponseAsync(TestPrompts.Messages()).Within());

        var exception = await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Chain.GetResponseAsync(TestPrompts.Messages()).Within());

        Assert.All(exception.Failures, f => Assert.Equal(LlmFailureReason.CoolingDown, f.Reason));
        Assert.Single(OpenAi.Requests);
        Assert.Single(Ollama.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_held_against_the_provider()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Hang());
        using var cts = new CancellationTokenSource();

        var call = host.Chain.GetResponseAsync(TestPrompts.Messages(), cancellationToken: cts.Token);
        await OpenAi.NextRequestAsync();
        await cts.CancelAsync().Within();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        var groq = host.Board.Get("groq")!;
        Assert.Equal(0, groq.TotalFailures);
        Assert.Null(groq.CoolingDownUntil);
        Assert.Empty(Ollama.Requests);
    }

    [Fact]
    public async Task Streaming_falls_over_before_the_first_text_and_names_the_provider()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(500));

        var updates = await Collect(host.Chain.GetStreamingResponseAsync(TestPrompts.Messages())).Within();

        Assert.Equal(Ollama.DefaultAnswer, string.Concat(updates.Select(u => u.Text)).Trim());
        Assert.All(updates, u => Assert.Equal("local", u.AdditionalProperties?[FallbackChatClient.ProviderPropertyName]));
        Assert.True(Assert.Single(Ollama.Requests).Json.GetProperty("stream").GetBoolean());
        Assert.NotNull(host.Board.Get("local")!.LastSuccessAt);
        Assert.StartsWith("server_error", host.Board.Get("groq")!.LastFailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_from_the_openai_provider_yields_its_text()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Answer("Sì, il sabato su appuntamento."));

        var updates = await Collect(host.Chain.GetStreamingResponseAsync(TestPrompts.Messages())).Within();

        Assert.Equal("Sì, il sabato su appuntamento.", string.Concat(updates.Select(u => u.Text)));
        Assert.True(Assert.Single(OpenAi.Requests).Json.GetProperty("stream").GetBoolean());
        Assert.Empty(Ollama.Requests);
    }

    [Fact]
    public async Task A_callers_model_id_does_not_override_the_providers_models()
    {
        using var host = LlmTestHost.Create(OpenAi, Ollama);
        OpenAi.Enqueue(StandInReply.Status(500));

        await host.Chain.GetResponseAsync(TestPrompts.Messages(), new ChatOptions { ModelId = "gpt-4o", Temperature = 0.2f }).Within();

        Assert.Equal("llama-3.3-70b-versatile", Assert.Single(OpenAi.Requests).Model);
        var ollama = Assert.Single(Ollama.Requests);
        Assert.Equal("qwen2.5:3b", ollama.Model);
        Assert.Equal(0.2, ollama.Json.GetProperty("options").GetProperty("temperature").GetDouble(), precision: 5);
    }

    [Fact]
    public async Task An_ollama_endpoint_with_a_path_prefix_keeps_it()
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "proxied",
            ["Llm:Providers:0:Kind"] = "ollama",
            ["Llm:Providers:0:Endpoint"] = new Uri(Ollama.BaseUri, "/ollama").ToString(),
            ["Llm:Providers:0:Model"] = "qwen2.5:3b",
            ["Llm:Providers:0:ApiKey"] = "proxy-key",
        });

        await host.Chain.GetResponseAsync(TestPrompts.Messages()).Within();

        var request = Assert.Single(Ollama.Requests);
        Assert.Equal("/ollama/api/chat", request.Path);
        Assert.Equal("Bearer proxy-key", request.Authorization);
    }

    internal static StandInReply Script(string failure) => failure switch
    {
        "500" => StandInReply.Status(500),
        "429" => StandInReply.Status(429, retryAfterSeconds: 10),
        "401" => StandInReply.Status(401),
        "malformed" => StandInReply.Malformed(),
        "empty" => StandInReply.Empty(),
        "timeout" => StandInReply.Hang(),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    private static async Task<List<ChatResponseUpdate>> Collect(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
