using System.Collections.Frozen;
using System.Text.Json;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The wire name of each <see cref="InboundMessageType"/> (<c>text</c>, <c>request_welcome</c>, ...), computed once.</summary>
public static class InboundMessageTypeNames
{
    private static readonly FrozenDictionary<InboundMessageType, string> Names = Enum.GetValues<InboundMessageType>()
        .ToFrozenDictionary(t => t, t => JsonSerializer.Serialize(t, InboundJsonContext.Default.InboundMessageType).Trim('"'));

    public static string Name(this InboundMessageType type) => Names[type];
}
