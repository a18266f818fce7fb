using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// Signed webhook bodies as Meta sends them: one greeting per body, each from its own customer, so
/// per-user pacing (1 message / 6 s per pair) never delays a reply. Every greeting here is classified
/// as <c>greeting</c> with confidence over 0.96 (checked with Assistant.Eval classify), so each one
/// takes the template route.
/// </summary>
public sealed class CustomerMessages(string secret, string phoneNumberId, string runId)
{
    private static readonly string[] Greetings =
    [
        "Buongiorno!", "Ciao, buonasera", "Salve!", "Buonasera", "Ciao!", "Buongiorno a tutti", "Salve, buongiorno",
        "Ciao buongiorno!", "Buonasera!", "Buongiorno dottore", "Ciao, buongiorno!", "Salve a tutti",
        "Hello!", "Good morning", "Hi there", "Good evening!",
    ];

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    /// <summary>Phones of different phases never overlap: phase p uses 39 3<c>p</c>0 000 0000 + n.</summary>
    public static string PhoneOf(int phase, int n) => (393_000_000_000L + phase * 10_000_000L + n).ToString(CultureInfo.InvariantCulture);

    public string IdOf(int phase, int n) => $"wamid.pipe.{runId}.{phase.ToString(CultureInfo.InvariantCulture)}.{n.ToString(CultureInfo.InvariantCulture)}";

    public (byte[] Body, string Signature) Create(int phase, int n)
    {
        var phone = PhoneOf(phase, n);
        var text = Greetings[n % Greetings.Length];
        var json = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"390248517730","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Cliente {{{n}}}"},"wa_id":"{{{phone}}}"}],"messages":[{"from":"{{{phone}}}","id":"{{{IdOf(phase, n)}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","text":{"body":"{{{text}}}"},"type":"text"}]},"field":"messages"}]}]}
            """;
        var body = Encoding.UTF8.GetBytes(json);
        return (body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
    }
}
