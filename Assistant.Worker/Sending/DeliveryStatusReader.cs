using System.Globalization;
using System.Text.Json;
using Assistant.Core.Streams;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>
/// Reads a <c>wa:statuses</c> entry leniently: the JSON in the <c>event</c> field (Meta's status
/// object, or the webhook's own record wrapping it under <c>status</c>), or flat entry fields.
/// Field names match regardless of case and underscores (<c>recipient_id</c> = <c>recipientId</c>),
/// so the inbound side can evolve its record without breaking the sender.
/// </summary>
public static class DeliveryStatusReader
{
    public const string EventField = "event";

    public static DeliveryStatus? Read(StreamEntry entry)
    {
        var json = entry.GetString(EventField);
        if (json is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return Read(document.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // No JSON: the fields themselves are the status.
        var fields = entry.ToDictionary();
        var flat = new Dictionary<string, string>(fields.Count);
        foreach (var (name, value) in fields)
        {
            flat[Normalize(name)] = value;
        }

        var status = First(flat, "status");
        if (status is null)
        {
            return null;
        }

        IReadOnlyList<DeliveryStatusError> errors = [];
        if (First(flat, "errors") is { } errorsJson)
        {
            try
            {
                using var document = JsonDocument.Parse(errorsJson);
                errors = ReadErrors(document.RootElement);
            }
            catch (JsonException)
            {
                errors = [];
            }
        }
        else if (First(flat, "errorcode", "code") is { } code && int.TryParse(code, CultureInfo.InvariantCulture, out var c))
        {
            errors = [new DeliveryStatusError(c, First(flat, "errortitle", "title"), First(flat, "errormessage"))];
        }

        return new DeliveryStatus(
            First(flat, "wamid", "id", "messageid"),
            status.ToLowerInvariant(),
            First(flat, "recipientid", "recipient", "waid", "to"),
            ParseTimestamp(First(flat, "timestamp")),
            errors,
            First(flat, "bizopaquecallbackdata", "callbackdata"));
    }

    public static DeliveryStatus? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // A wrapper record: {"status": {...}} or {"statuses": [{...}]}.
        if (Property(root, "status") is { ValueKind: JsonValueKind.Object } inner)
        {
            return Read(inner);
        }

        if (Property(root, "statuses") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0)
        {
            return Read(list[0]);
        }

        var status = Text(Property(root, "status"));
        if (status is null)
        {
            return null;
        }

        var errors = Property(root, "errors") is { ValueKind: JsonValueKind.Array } array ? ReadErrors(array) : [];
        return new DeliveryStatus(
            Text(Property(root, "wamid", "id", "messageid")),
            status.ToLowerInvariant(),
            Text(Property(root, "recipientid", "recipient", "waid", "to")),
            ParseTimestamp(Text(Property(root, "timestamp"))),
            errors,
            Text(Property(root, "bizopaquecallbackdata", "callbackdata")));
    }

    private static List<DeliveryStatusError> ReadErrors(JsonElement array)
    {
        var errors = new List<DeliveryStatusError>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            return errors;
        }

        foreach (var error in array.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var code = int.TryParse(Text(Property(error, "code")), CultureInfo.InvariantCulture, out var c) ? c : 0;
            var message = Text(Property(error, "message"));
            if (Property(error, "errordata") is { ValueKind: JsonValueKind.Object } data && Text(Property(data, "details")) is { } details)
            {
                message = message is null ? details : $"{message} ({details})";
            }

            errors.Add(new DeliveryStatusError(code, Text(Property(error, "title")), message));
        }

        return errors;
    }

    private static JsonElement? Property(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (Normalize(property.Name) == name)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    private static string? First(Dictionary<string, string> fields, params string[] names)
    {
        foreach (var name in names)
        {
            if (fields.TryGetValue(name, out var value) && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseTimestamp(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, CultureInfo.InvariantCulture, out var unix))
        {
            // Meta sends seconds; a canonical record might use milliseconds.
            return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
