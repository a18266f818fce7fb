using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Configuration;

/// <summary>The <c>WhatsApp</c> section of CONTRACTS.md section 1.</summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>Meta app secret, the HMAC key of <c>X-Hub-Signature-256</c>. Required by the webhook.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Token echoed back in the <c>GET /webhook</c> handshake. Required by the webhook.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Graph API bearer token. Absent: the sandbox channel records sends instead of delivering them.</summary>
    public string? AccessToken { get; set; }

    [Required, Url]
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    [Required, RegularExpression(@"^v\d+\.\d+$")]
    public string GraphApiVersion { get; set; } = "v25.0";

    public bool IsSandbox => string.IsNullOrWhiteSpace(AccessToken);
}
