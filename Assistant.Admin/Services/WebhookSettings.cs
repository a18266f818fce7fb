namespace Assistant.Admin.Services;

/// <summary>
/// A business's staff notification webhook: every live event is POSTed to <see cref="Url"/> with
/// <c>X-Assistant-Signature: sha256=&lt;hex HMAC-SHA256 of the body with <see cref="Secret"/>&gt;</c>.
/// <see cref="EventTypes"/> empty: every type.
/// </summary>
public sealed record WebhookSettings(string Url, string Secret, IReadOnlyList<string> EventTypes, bool Enabled = true);
