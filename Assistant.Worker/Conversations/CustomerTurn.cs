using Assistant.Core.WhatsApp.Inbound;

namespace Assistant.Worker.Conversations;

/// <summary>
/// The messages of one conversation answered together (one, or several after the debounce),
/// with the words to understand: texts, captions and the titles of tapped buttons.
/// </summary>
public sealed record CustomerTurn(IReadOnlyList<InboundMessage> Messages)
{
    public InboundMessage Last => Messages[^1];

    public string Text => string.Join("\n", Messages.Select(TextOf).Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>The media messages of the turn (photos, voice notes, documents...), for the acknowledgement.</summary>
    public IEnumerable<InboundMessage> Media => Messages.Where(m => m.Type is InboundMessageType.Image or InboundMessageType.Audio
        or InboundMessageType.Video or InboundMessageType.Document or InboundMessageType.Sticker
        or InboundMessageType.Location or InboundMessageType.Contacts);

    public static string? TextOf(InboundMessage message) => message.Type switch
    {
        InboundMessageType.Text or InboundMessageType.Interactive or InboundMessageType.Button => message.Text,
        InboundMessageType.Image or InboundMessageType.Video or InboundMessageType.Document => message.Media?.Caption,
        _ => null,
    };

    /// <summary>A one-line description of a message for the thread view and the summary.</summary>
    public static string Describe(InboundMessage message) => TextOf(message) is { Length: > 0 } text
        ? text
        : message.Type switch
        {
            InboundMessageType.Image => "[photo]",
            InboundMessageType.Audio => message.Media?.Voice == true ? "[voice note]" : "[audio]",
            InboundMessageType.Video => "[video]",
            InboundMessageType.Document => $"[document {message.Media?.Filename}]".Replace(" ]", "]", StringComparison.Ordinal),
            InboundMessageType.Sticker => "[sticker]",
            InboundMessageType.Location => "[location]",
            InboundMessageType.Contacts => "[contact card]",
            InboundMessageType.Reaction => $"[reaction {message.Reaction?.Emoji}]",
            InboundMessageType.Order => "[order]",
            InboundMessageType.RequestWelcome => "[opened the chat]",
            _ => $"[{message.RawType ?? "unsupported"}]",
        };
}
