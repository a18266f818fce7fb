namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Why no Graph API answer arrived at all.</summary>
public enum GraphTransportFailure
{
    None,
    Timeout,
    Network,
}
