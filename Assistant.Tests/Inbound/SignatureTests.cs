using System.Net;
using System.Text;
using System.Text.Json;
using Assistant.Core.Configuration;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Tests.Infrastructure;
using Assistant.Webhook.Ingest;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Inbound;

public sealed class SignatureTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private readonly WebhookFixture _fixture = fixture;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string NewId() => "wamid.sig" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Good_signature_is_accepted()
    {
        var id = NewId();

        using var response = await _fixture.Host.PostAsync(Payloads.Text(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Missing_signature_gets_401_and_nothing_is_queued()
    {
        var id = NewId();

        using var response = await _fixture.Host.PostAsync(Payloads.Text(id), signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("")]
    public async Task Wrong_signature_gets_401_and_nothing_is_queued(string signature)
    {
        var id = NewId();

        using var response = await _fixture.Host.PostAsync(Payloads.Text(id), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Signature_made_with_another_secret_gets_401()
    {
        var id = NewId();

        using var response = await _fixture.Host.PostAsync(Payloads.Text(id), secret: "someone-elses-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Signature_of_a_valid_body_does_not_verify_a_tampered_one()
    {
        var id = NewId();
        var body = Payloads.Utf8(Payloads.Text(id, "paga 10 euro"));
        var signature = SignatureVerifier.Sign(body, WebhookTestHost.Secret);
        var tampered = Payloads.Utf8(Payloads.Text(id, "paga 90 euro"));

        using var response = await _fixture.Host.PostBytesAsync(tampered, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Body_with_unicode_escapes_verifies_on_its_raw_bytes_not_a_reserialisation()
    {
        var id = NewId();
        // As Meta sends it: non-ASCII escaped. The signature is over these exact bytes.
        var raw = Payloads.Utf8(Payloads.Text(id, "Perch\\u00e8 no? Caff\\u00e8 alle 9"));
        using var document = JsonDocument.Parse(raw);
        var reserialised = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document.RootElement, Relaxed));
        Assert.NotEqual(raw, reserialised);

        using var wrong = await _fixture.Host.PostBytesAsync(raw, SignatureVerifier.Sign(reserialised, WebhookTestHost.Secret));
        using var right = await _fixture.Host.PostBytesAsync(raw, SignatureVerifier.Sign(raw, WebhookTestHost.Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var entry = Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
        Assert.Equal("Perchè no? Caffè alle 9", InboundMessage.Deserialize((string)entry["event"]!).Text);
    }

    [Fact]
    public void Verifier_accepts_upper_case_hex_and_rejects_truncated_signatures()
    {
        var verifier = new SignatureVerifier(Options.Create(new WhatsAppOptions { AppSecret = "k" }));
        var body = "{\"a\":1}"u8.ToArray();
        var good = SignatureVerifier.Sign(body, "k");

        Assert.True(verifier.IsValid(body, good));
        Assert.True(verifier.IsValid(body, "sha256=" + good["sha256=".Length..].ToUpperInvariant()));
        Assert.False(verifier.IsValid(body, good[..^2]));
        Assert.False(verifier.IsValid(body, null));
        Assert.False(new SignatureVerifier(Options.Create(new WhatsAppOptions { AppSecret = "" })).IsValid(body, SignatureVerifier.Sign(body, "")));
    }
}
