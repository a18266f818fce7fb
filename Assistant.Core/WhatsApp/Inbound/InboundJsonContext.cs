using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// Source-generated (de)serialisation of the stream events: camelCase, nulls left out. Generated so
/// the webhook hot path does no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboundMessage))]
[JsonSerializable(typeof(DeliveryStatus))]
[JsonSerializable(typeof(UnroutedChange))]
[JsonSerializable(typeof(InboundMessageType))]
internal sealed partial class InboundJsonContext : JsonSerializerContext;
