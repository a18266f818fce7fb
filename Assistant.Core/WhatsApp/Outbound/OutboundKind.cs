namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>What an <see cref="OutboundMessage"/> carries; exactly the matching content property is set.</summary>
public enum OutboundKind
{
    Text,
    Buttons,
    List,
    Template,
    Image,
    Document,
    MarkRead,
}
