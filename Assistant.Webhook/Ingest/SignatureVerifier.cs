using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Assistant.Webhook.Ingest;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> against HMAC-SHA256 of the raw body bytes.
/// The bytes are hashed exactly as received: Meta escapes non-ASCII (<c>\u00e8</c>), so any
/// re-serialisation would change them.
/// </summary>
public sealed class SignatureVerifier(IOptions<WhatsAppOptions> options)
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.AppSecret ?? string.Empty);

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (_key.Length == 0 || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length).Trim();
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != 2 * HMACSHA256.HashSizeInBytes
            || Convert.FromHexString(hex, claimed, out _, out var written) != OperationStatus.Done
            || written != claimed.Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/> (for tools that stand in for Meta).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
