using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Bench.Webhook;

/// <summary>Distinct, signed webhook bodies shaped like Meta's text messages, one id each.</summary>
public sealed class SignedBodies(string secret, string phoneNumberId, string runId)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public string IdOf(long n) => $"wamid.bench.{runId}.{n.ToString(CultureInfo.InvariantCulture)}";

    public (byte[] Body, string Signature) Create(long n)
    {
        var phone = (393_300_000_000 + (n % 50_000)).ToString(CultureInfo.InvariantCulture);
        var json = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"390612345678","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Cliente {{{n % 50_000}}}"},"wa_id":"{{{phone}}}"}],"messages":[{"from":"{{{phone}}}","id":"{{{IdOf(n)}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","text":{"body":"Buongiorno, vorrei sapere gli orari di apertura di sabato e se serve prenotare. Grazie"},"type":"text"}]},"field":"messages"}]}]}
            """;
        var body = Encoding.UTF8.GetBytes(json);
        return (body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
    }
}
