using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Assistant.Tests.Llm;

/// <summary>
/// OpenAI-compatible <c>POST {base}/chat/completions</c> (what Groq and Mistral serve), JSON or
/// server-sent events when the request asks for <c>stream</c>.
/// </summary>
public sealed class OpenAiStandIn : LoopbackLlmServer
{
    /// <summary>Where the stand-in pretends the API lives, as Groq's <c>/openai/v1</c>.</summary>
    public const string BasePath = "/openai/v1";

    public const int PromptTokens = 42;
    public const int CompletionTokens = 7;

    private OpenAiStandIn()
    {
    }

    /// <summary>The URL to configure as the provider's Endpoint.</summary>
    public Uri Endpoint => new(BaseUri, BasePath);

    protected override string ChatPathSuffix => "/chat/completions";

    public static async Task<OpenAiStandIn> StartNewAsync()
    {
        var server = new OpenAiStandIn();
        await server.StartAsync();
        return server;
    }

    protected override async Task WriteAnswerAsync(HttpContext context, JsonElement request, string answer)
    {
        var model = request.GetProperty("model").GetString();
        var stream = request.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens };
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-standin",
                @object = "chat.completion",
                created = 1_767_225_600,
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
                usage,
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var piece = i == 0 ? words[i] : " " + words[i];
            await WriteEventAsync(context, new
            {
                id = "chatcmpl-standin",
                @object = "chat.completion.chunk",
                created = 1_767_225_600,
                model,
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
            });
        }

        await WriteEventAsync(context, new
        {
            id = "chatcmpl-standin",
            @object = "chat.completion.chunk",
            created = 1_767_225_600,
            model,
            choices = new[] { new { index = 0, delta = new { role = "assistant", content = string.Empty }, finish_reason = (string?)"stop" } },
        });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    protected override Task WriteErrorAsync(HttpContext context, int statusCode) =>
        context.Response.WriteAsJsonAsync(new { error = new { message = $"stand-in error {statusCode}", type = "server_error", code = statusCode } });

    private static async Task WriteEventAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await context.Response.Body.FlushAsync();
    }
}
