namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The <c>changes[].field</c> values this assistant acts on; every other field is counted as ignored.</summary>
public static class WebhookFields
{
    public const string Messages = "messages";

    public const string SmbMessageEchoes = "smb_message_echoes";

    public static bool IsHandled(string field) => field is Messages or SmbMessageEchoes;
}
