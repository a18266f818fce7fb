using System.Text.Json.Nodes;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Outbound;

/// <summary>The exact Cloud API bodies, as the stand-in received them, and the parsing of answers.</summary>
public sealed class GraphApiClientTests : IAsyncLifetime
{
    private GraphApiStandIn _graph = null!;
    private IHost _host = null!;

    private GraphApiClient Client => _host.Services.GetRequiredService<GraphApiClient>();

    public async Task InitializeAsync()
    {
        _graph = await GraphApiStandIn.StartAsync().Within();
        // The service defaults add a standard resilience (retry) handler to every client: the Graph
        // client must shed it, which the single-request assertions below prove.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = "secret-token",
            ["WhatsApp:GraphApiBaseUrl"] = _graph.BaseUrl,
            // Short enough for the timeout test (the stand-in stalls 5 s), long enough for a cold first call on a loaded machine.
            ["Outbound:SendTimeout"] = "00:00:02",
        });
        builder.AddServiceDefaults();
        builder.Services.AddOutboundQueue();
        builder.Services.AddGraphApiClient();
        _host = builder.Build();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _graph.DisposeAsync();
    }

    private static OutboundMessage Base(OutboundKind kind) => new()
    {
        Id = "msg-1",
        BusinessId = "biz-1",
        PhoneNumberId = "1000001",
        ConversationKey = "conv-1",
        To = "393331234567",
        Kind = kind,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private async Task<RecordedRequest> SendAndCaptureAsync(OutboundMessage message)
    {
        var result = await Client.SendAsync(message, CancellationToken.None).Within();
        Assert.True(result.IsSuccess, result.FailureCode);
        return Assert.Single(_graph.Requests);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());

    [Fact]
    public async Task Text_reply_has_the_exact_cloud_api_shape_path_and_bearer_token()
    {
        var request = await SendAndCaptureAsync(Base(OutboundKind.Text) with { Text = new OutboundText("Ciao! Siamo aperti.", PreviewUrl: true), InReplyTo = "wamid.IN1" });

        Assert.Equal("/v25.0/1000001/messages", request.Path);
        Assert.Equal("Bearer secret-token", request.Authorization);
        AssertJson("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"393331234567",
             "context":{"message_id":"wamid.IN1"},"type":"text",
             "text":{"preview_url":true,"body":"Ciao! Siamo aperti."},"biz_opaque_callback_data":"msg-1"}
            """, request.Body);
    }

    [Fact]
    public async Task A_user_without_a_phone_is_addressed_by_recipient_bsuid()
    {
        var request = await SendAndCaptureAsync(Base(OutboundKind.Text) with { To = null, Recipient = "IT.123456789", Text = new OutboundText("Hi") });

        Assert.Equal("IT.123456789", (string?)request.Json["recipient"]);
        Assert.False(request.Json.ContainsKey("to"));
    }

    [Fact]
    public async Task Reply_buttons_body()
    {
        var request = await SendAndCaptureAsync(Base(OutboundKind.Buttons) with
        {
            Buttons = new OutboundButtons("Confermi l'appuntamento?", [new OutboundButton("yes", "Sì"), new OutboundButton("no", "No")], Footer: "Studio Rossi"),
        });

        AssertJson("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"393331234567","type":"interactive",
             "interactive":{"type":"button","body":{"text":"Confermi l'appuntamento?"},"footer":{"text":"Studio Rossi"},
               "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Sì"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}},
             "biz_opaque_callback_data":"msg-1"}
            """, request.Body);
    }

    [Fact]
    public async Task List_body()
    {
        var request = await SendAndCaptureAsync(Base(OutboundKind.List) with
        {
            List = new OutboundList("Scegli un orario", "Orari",
                [new OutboundListSection("Lunedì", [new OutboundListRow("mon-9", "09:00", "Con la dott.ssa Bianchi"), new OutboundListRow("mon-10", "10:00")])]),
        });

        AssertJson("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"393331234567","type":"interactive",
             "interactive":{"type":"list","body":{"text":"Scegli un orario"},
               "action":{"button":"Orari","sections":[{"title":"Lunedì","rows":[
                 {"id":"mon-9","title":"09:00","description":"Con la dott.ssa Bianchi"},{"id":"mon-10","title":"10:00"}]}]}},
             "biz_opaque_callback_data":"msg-1"}
            """, request.Body);
    }

    [Fact]
    public async Task Template_with_named_parameters_body()
    {
        var request = await SendAndCaptureAsync(Base(OutboundKind.Template) with
        {
            Template = new OutboundTemplate("appointment_reminder", "it", [new TemplateParameter("Maria", "first_name"), new TemplateParameter("martedì 10:00", "slot")]),
        });

        AssertJson("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"393331234567","type":"template",
             "template":{"name":"appointment_reminder","language":{"code":"it"},"components":[{"type":"body","parameters":[
               {"type":"text","parameter_name":"first_name","text":"Maria"},{"type":"text","parameter_name":"slot","text":"martedì 10:00"}]}]},
             "biz_opaque_callback_data":"msg-1"}
            """, request.Body);
    }

    [Fact]
    public async Task Template_with_positional_parameters_and_without_parameters()
    {
        var positional = await SendAndCaptureAsync(Base(OutboundKind.Template) with
        {
            Template = new OutboundTemplate("hello_again", "en_US", [new TemplateParameter("Maria")]),
        });
        AssertJson("""{"name":"hello_again","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"Maria"}]}]}""",
            positional.Json["template"]!.ToJsonString());

        _graph.Requests.Clear();
        var bare = await SendAndCaptureAsync(Base(OutboundKind.Template) with { Template = new OutboundTemplate("hello_world", "en_US") });
        AssertJson("""{"name":"hello_world","language":{"code":"en_US"}}""", bare.Json["template"]!.ToJsonString());
    }

    [Fact]
    public async Task Image_by_media_id_and_document_by_link()
    {
        var image = await SendAndCaptureAsync(Base(OutboundKind.Image) with { Media = new OutboundMedia(MediaId: "media-9", Caption: "La mappa") });
        AssertJson("""{"id":"media-9","caption":"La mappa"}""", image.Json["image"]!.ToJsonString());
        Assert.Equal("image", (string?)image.Json["type"]);

        _graph.Requests.Clear();
        var document = await SendAndCaptureAsync(Base(OutboundKind.Document) with
        {
            Media = new OutboundMedia(Link: "https://example.org/f.pdf", Caption: "Fattura", Filename: "fattura-12.pdf"),
        });
        AssertJson("""{"link":"https://example.org/f.pdf","caption":"Fattura","filename":"fattura-12.pdf"}""", document.Json["document"]!.ToJsonString());
    }

    [Fact]
    public async Task Mark_as_read_with_typing_indicator_body()
    {
        var result = await Client.SendAsync(Base(OutboundKind.MarkRead) with { To = null, MarkRead = new OutboundMarkRead("wamid.IN7") }, CancellationToken.None).Within();

        Assert.True(result.IsSuccess);
        Assert.Null(result.MessageId);
        AssertJson("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN7","typing_indicator":{"type":"text"}}""", Assert.Single(_graph.Requests).Body);
    }

    [Fact]
    public async Task Success_returns_the_wamid()
    {
        var result = await Client.SendAsync(Base(OutboundKind.Text) with { Text = new OutboundText("x") }, CancellationToken.None).Within();

        Assert.StartsWith("wamid.standin.", result.MessageId);
        Assert.Equal(200, result.HttpStatus);
    }

    [Fact]
    public async Task A_meta_error_is_parsed_into_the_result_not_thrown()
    {
        _graph.Script(GraphApiStandIn.Error(400, 131026, "Message undeliverable", subcode: 2494010, details: "Recipient is not a valid WhatsApp user"));

        var result = await Client.SendAsync(Base(OutboundKind.Text) with { Text = new OutboundText("x") }, CancellationToken.None).Within();

        Assert.False(result.IsSuccess);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(131026, result.Error!.Code);
        Assert.Equal(2494010, result.Error.Subcode);
        Assert.Equal("Message undeliverable", result.Error.Message);
        Assert.Equal("Recipient is not a valid WhatsApp user", result.Error.Details);
        Assert.Equal(SendFailureKind.Permanent, GraphErrorClassifier.Classify(result));
    }

    [Fact]
    public async Task A_server_error_is_not_retried_by_the_http_pipeline()
    {
        _graph.Script(GraphApiStandIn.Error(500, 131000, "Something went wrong"));

        var result = await Client.SendAsync(Base(OutboundKind.Text) with { Text = new OutboundText("x") }, CancellationToken.None).Within();

        Assert.Equal(500, result.HttpStatus);
        Assert.Equal(SendFailureKind.Retryable, GraphErrorClassifier.Classify(result));
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task A_slow_answer_becomes_a_timeout_result_after_the_configured_send_timeout()
    {
        _graph.Script(GraphApiStandIn.Slow(TimeSpan.FromSeconds(5)));

        var result = await Client.SendAsync(Base(OutboundKind.Text) with { Text = new OutboundText("x") }, CancellationToken.None).Within();

        Assert.Equal(GraphTransportFailure.Timeout, result.Transport);
        Assert.Equal("timeout", result.FailureCode);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(3), $"took {result.Elapsed}");
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task Media_upload_is_multipart_and_returns_the_media_id()
    {
        using var content = new MemoryStream("%PDF-1.4 test"u8.ToArray());

        var result = await Client.UploadMediaAsync("1000001", content, "a.pdf", "application/pdf", CancellationToken.None).Within();

        Assert.True(result.IsSuccess);
        Assert.StartsWith("media-", result.MediaId);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("/v25.0/1000001/media", request.Path);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Contains("name=messaging_product", request.Body);
        Assert.Contains("whatsapp", request.Body);
        Assert.Contains("filename=a.pdf", request.Body);
        Assert.Contains("%PDF-1.4 test", request.Body);
    }

    [Fact]
    public async Task Invalid_content_is_refused_before_any_request()
    {
        var message = Base(OutboundKind.Buttons) with
        {
            Buttons = new OutboundButtons("Pick", [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")]),
        };

        var error = await Assert.ThrowsAsync<OutboundValidationException>(() => Client.SendAsync(message, CancellationToken.None)).Within();

        Assert.Contains(error.Problems, p => p.StartsWith("buttons.buttons: 4 buttons", StringComparison.Ordinal));
        Assert.Empty(_graph.Requests);
    }
}
