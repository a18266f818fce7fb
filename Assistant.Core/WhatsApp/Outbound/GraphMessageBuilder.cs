using System.Text.Json.Nodes;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The exact Cloud API request body for each <see cref="OutboundKind"/>.</summary>
public static class GraphMessageBuilder
{
    public static JsonObject Build(OutboundMessage message)
    {
        if (message.Kind == OutboundKind.MarkRead)
        {
            var read = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["status"] = "read",
                ["message_id"] = message.MarkRead!.MessageId,
            };
            if (message.MarkRead.TypingIndicator)
            {
                read["typing_indicator"] = new JsonObject { ["type"] = "text" };
            }

            return read;
        }

        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
        };

        // CONTRACTS.md: the phone when known, else the business-scoped user id.
        if (!string.IsNullOrWhiteSpace(message.To))
        {
            body["to"] = message.To;
        }
        else
        {
            body["recipient"] = message.Recipient;
        }

        if (message.InReplyTo is not null)
        {
            body["context"] = new JsonObject { ["message_id"] = message.InReplyTo };
        }

        switch (message.Kind)
        {
            case OutboundKind.Text:
                body["type"] = "text";
                body["text"] = new JsonObject { ["preview_url"] = message.Text!.PreviewUrl, ["body"] = message.Text.Body };
                break;
            case OutboundKind.Buttons:
                body["type"] = "interactive";
                body["interactive"] = Interactive("button", message.Buttons!.Header, message.Buttons.Body, message.Buttons.Footer, new JsonObject
                {
                    ["buttons"] = new JsonArray(message.Buttons.Buttons
                        .Select(b => (JsonNode)new JsonObject
                        {
                            ["type"] = "reply",
                            ["reply"] = new JsonObject { ["id"] = b.Id, ["title"] = b.Title },
                        })
                        .ToArray()),
                });
                break;
            case OutboundKind.List:
                body["type"] = "interactive";
                body["interactive"] = Interactive("list", message.List!.Header, message.List.Body, message.List.Footer, new JsonObject
                {
                    ["button"] = message.List.ButtonLabel,
                    ["sections"] = new JsonArray(message.List.Sections.Select(Section).ToArray()),
                });
                break;
            case OutboundKind.Template:
                body["type"] = "template";
                body["template"] = Template(message.Template!);
                break;
            case OutboundKind.Image:
            case OutboundKind.Document:
                var type = message.Kind == OutboundKind.Image ? "image" : "document";
                body["type"] = type;
                body[type] = Media(message.Media!, message.Kind == OutboundKind.Document);
                break;
            default:
                throw new OutboundValidationException([$"kind: {message.Kind} cannot be sent as a message"]);
        }

        // Meta echoes this in every status webhook of the message: how a status finds our record
        // even when the wamid was never recorded (crash between the call and the write).
        body["biz_opaque_callback_data"] = message.Id;
        return body;
    }

    private static JsonObject Interactive(string type, string? header, string bodyText, string? footer, JsonObject action)
    {
        var interactive = new JsonObject { ["type"] = type };
        if (header is not null)
        {
            interactive["header"] = new JsonObject { ["type"] = "text", ["text"] = header };
        }

        interactive["body"] = new JsonObject { ["text"] = bodyText };
        if (footer is not null)
        {
            interactive["footer"] = new JsonObject { ["text"] = footer };
        }

        interactive["action"] = action;
        return interactive;
    }

    private static JsonNode Section(OutboundListSection section)
    {
        var node = new JsonObject();
        if (section.Title is not null)
        {
            node["title"] = section.Title;
        }

        node["rows"] = new JsonArray(section.Rows.Select(r =>
        {
            var row = new JsonObject { ["id"] = r.Id, ["title"] = r.Title };
            if (r.Description is not null)
            {
                row["description"] = r.Description;
            }

            return (JsonNode)row;
        }).ToArray());
        return node;
    }

    private static JsonObject Template(OutboundTemplate template)
    {
        var node = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        if (template.BodyParameters is { Count: > 0 } parameters)
        {
            node["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(parameters.Select(p =>
                {
                    var parameter = new JsonObject { ["type"] = "text" };
                    if (p.Name is not null)
                    {
                        parameter["parameter_name"] = p.Name;
                    }

                    parameter["text"] = p.Text;
                    return (JsonNode)parameter;
                }).ToArray()),
            });
        }

        return node;
    }

    private static JsonObject Media(OutboundMedia media, bool isDocument)
    {
        var node = new JsonObject();
        if (media.MediaId is not null)
        {
            node["id"] = media.MediaId;
        }
        else
        {
            node["link"] = media.Link;
        }

        if (media.Caption is not null)
        {
            node["caption"] = media.Caption;
        }

        if (isDocument && media.Filename is not null)
        {
            node["filename"] = media.Filename;
        }

        return node;
    }
}
