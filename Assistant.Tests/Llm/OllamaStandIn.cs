using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Assistant.Tests.Llm;

/// <summary>Ollama's native <c>POST /api/chat</c>: one JSON object, or NDJSON chunks when <c>stream</c> is true or absent.</summary>
public sealed class OllamaStandIn : LoopbackLlmServer
{
    public const int PromptEvalCount = 30;
    public const int EvalCount = 9;

    private OllamaStandIn()
    {
    }

    protected override string ChatPathSuffix => "/api/chat";

    public static async Task<OllamaStandIn> StartNewAsync()
    {
        var server = new OllamaStandIn();
        await server.StartAsync();
        return server;
    }

    protected override async Task WriteAnswerAsync(HttpContext context, JsonElement request, string answer)
    {
        var model = request.GetProperty("model").GetString();
        // Ollama streams unless told not to.
        var stream = !request.TryGetProperty("stream", out var s) || s.ValueKind != JsonValueKind.False;
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(Final(model, answer));
            return;
        }

        context.Response.ContentType = "application/x-ndjson";
        foreach (var word in answer.Split(' '))
        {
            var chunk = new { model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = word + " " }, done = false };
            await context.Response.WriteAsync(JsonSerializer.Serialize(chunk) + "\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync(JsonSerializer.Serialize(Final(model, string.Empty)) + "\n");
    }

    protected override Task WriteErrorAsync(HttpContext context, int statusCode) =>
        context.Response.WriteAsJsonAsync(new { error = $"stand-in error {statusCode}" });

    private static object Final(string? model, string content) => new
    {
        model,
        created_at = "2026-01-01T00:00:00Z",
        message = new { role = "assistant", content },
        done = true,
        done_reason = "stop",
        total_duration = 1_000_000,
        load_duration = 1000,
        prompt_eval_count = PromptEvalCount,
        prompt_eval_duration = 1000,
        eval_count = EvalCount,
        eval_duration = 1000,
    };
}
