using System.Security.Cryptography;
using System.Text;

namespace Assistant.Admin.Services;

/// <summary>The signature of the outgoing staff webhook, the same scheme Meta uses for ours.</summary>
public static class WebhookSigner
{
    public const string HeaderName = "X-Assistant-Signature";

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
