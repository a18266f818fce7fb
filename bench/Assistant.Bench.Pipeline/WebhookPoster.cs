using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Assistant.Bench.Pipeline;

/// <summary>Posts signed bodies to the webhook on loopback and notes when each post started and was answered.</summary>
public sealed class WebhookPoster(HttpClient http, Uri webhookUrl, CustomerMessages messages)
{
    public async Task<PostResult> PostAsync(int phase, int n)
    {
        var (body, signature) = messages.Create(phase, n);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            return new PostResult(n, started, Stopwatch.GetTimestamp(), response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new PostResult(n, started, Stopwatch.GetTimestamp(), e.GetType().Name);
        }
    }
}
