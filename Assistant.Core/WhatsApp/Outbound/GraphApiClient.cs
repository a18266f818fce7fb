using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assistant.Core.Configuration;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Typed client for the Cloud API endpoints the sender uses. Registered without retries (see
/// <see cref="OutboundServiceCollectionExtensions.AddGraphApiClient"/>): a retried POST can deliver a
/// message twice, so only the sender, which records what it sent, decides to try again.
/// </summary>
public sealed class GraphApiClient(HttpClient httpClient, IOptions<WhatsAppOptions> options) : IWhatsAppChannel
{
    public bool IsSandbox => false;

    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        OutboundMessagePreparer.Validate(message);
        var json = GraphMessageBuilder.Build(message).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(message.PhoneNumberId, "messages"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await CallAsync(request, ParseSendSuccess, cancellationToken);
    }

    /// <summary>Uploads a file to <c>/{phone_number_id}/media</c>; the media id it returns can be sent for 30 days.</summary>
    public async Task<GraphMediaUploadResult> UploadMediaAsync(string phoneNumberId, Stream content, string fileName, string mimeType, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(mimeType), "type" },
        };
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);

        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(phoneNumberId, "media")) { Content = form };
        var result = await CallAsync(request, root => root.TryGetProperty("id", out var id) ? id.GetString() : null, cancellationToken);
        return new GraphMediaUploadResult(result.IsSuccess ? result.MessageId : null, result.Error, result.HttpStatus, result.Transport);
    }

    private Uri Endpoint(string phoneNumberId, string edge)
    {
        var whatsApp = options.Value;
        return new Uri($"{whatsApp.GraphApiBaseUrl.TrimEnd('/')}/{whatsApp.GraphApiVersion}/{Uri.EscapeDataString(phoneNumberId)}/{edge}");
    }

    private async Task<GraphSendResult> CallAsync(HttpRequestMessage request, Func<JsonElement, string?> parseSuccess, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            JsonElement? root = TryParse(text);

            if (response.IsSuccessStatusCode && root is { } ok)
            {
                return GraphSendResult.Sent(parseSuccess(ok), status, elapsed);
            }

            var error = root is { } failed && failed.TryGetProperty("error", out var errorNode) && errorNode.ValueKind == JsonValueKind.Object
                ? ParseError(errorNode)
                : null;
            return new GraphSendResult { Error = error, HttpStatus = status, Elapsed = elapsed };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TaskCanceledException or TimeoutRejectedException or TimeoutException)
        {
            return new GraphSendResult { Transport = GraphTransportFailure.Timeout, Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (HttpRequestException)
        {
            return new GraphSendResult { Transport = GraphTransportFailure.Network, Elapsed = Stopwatch.GetElapsedTime(started) };
        }
    }

    private static string? ParseSendSuccess(JsonElement root)
    {
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            && messages[0].TryGetProperty("id", out var id))
        {
            return id.GetString();
        }

        // Mark-as-read answers {"success": true} and has no wamid.
        return null;
    }

    private static GraphApiError ParseError(JsonElement error)
    {
        string? details = null;
        if (error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("details", out var detailsNode))
        {
            details = detailsNode.GetString();
        }

        return new GraphApiError(
            Code: error.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : 0,
            Subcode: error.TryGetProperty("error_subcode", out var sub) && sub.TryGetInt32(out var s) ? s : null,
            Message: error.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
            Details: details,
            Type: error.TryGetProperty("type", out var type) ? type.GetString() : null,
            FbTraceId: error.TryGetProperty("fbtrace_id", out var trace) ? trace.GetString() : null);
    }

    private static JsonElement? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
