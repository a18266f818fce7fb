using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// Parses a webhook body from its raw UTF-8 bytes. Only two things fail: a body that is not JSON and
/// JSON that is not a webhook. Everything inside a webhook is accepted: unknown message types become
/// <see cref="InboundMessageType.Unsupported"/>, unknown fields are kept as ignored changes.
/// </summary>
public static class WebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static WebhookPayload Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidWebhookException("The body is not valid JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidWebhookException("The body is JSON but not an object.");
            }
            if (root.String("object") is not { } objectName)
            {
                throw new InvalidWebhookException("The body has no 'object': not a webhook.");
            }
            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidWebhookException("The body has no 'entry' array: not a webhook.");
            }

            var changes = new List<WebhookChange>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var wabaId = entry.String("id");
                foreach (var change in entry.Objects("changes"))
                {
                    changes.Add(ParseChange(change, wabaId, receivedAt));
                }
            }
            return new WebhookPayload { ObjectType = objectName, Changes = changes };
        }
    }

    private static WebhookChange ParseChange(JsonElement change, string? wabaId, DateTimeOffset receivedAt)
    {
        var field = change.String("field") ?? string.Empty;
        var value = change.Object("value");
        var metadata = value?.Object("metadata");
        var phoneNumberId = metadata.String("phone_number_id");
        var displayPhoneNumber = metadata.String("display_phone_number");

        if (!WebhookFields.IsHandled(field) || value is not { } v)
        {
            return new WebhookChange { WabaId = wabaId, Field = field, PhoneNumberId = phoneNumberId, DisplayPhoneNumber = displayPhoneNumber, IsIgnored = true };
        }

        var scope = new ChangeScope(wabaId, phoneNumberId ?? string.Empty, displayPhoneNumber, ReadContacts(v), ReadErrors(v), receivedAt);
        var isEcho = field == WebhookFields.SmbMessageEchoes;
        var messages = new List<InboundMessage>();
        var echoes = new List<InboundMessage>();
        foreach (var message in v.Objects("messages"))
        {
            // Some echo payloads have used "messages" too: the field decides.
            (isEcho ? echoes : messages).Add(ParseMessage(message, scope, isEcho));
        }
        foreach (var echo in v.Objects("message_echoes"))
        {
            echoes.Add(ParseMessage(echo, scope, echo: true));
        }
        var statuses = v.Objects("statuses").Select(s => ParseStatus(s, scope)).ToList();

        return new WebhookChange
        {
            WabaId = wabaId,
            Field = field,
            PhoneNumberId = phoneNumberId,
            DisplayPhoneNumber = displayPhoneNumber,
            Messages = messages,
            Echoes = echoes,
            Statuses = statuses,
            Errors = scope.Errors,
            RawJson = change.GetRawText(),
        };
    }

    private static List<ContactIdentity> ReadContacts(JsonElement value) =>
        value.Objects("contacts").Select(c =>
        {
            var profile = c.Object("profile");
            return new ContactIdentity
            {
                WaId = c.String("wa_id"),
                UserId = c.String("user_id"),
                ParentUserId = c.String("parent_user_id"),
                Name = profile.String("name"),
                Username = profile.String("username"),
            };
        }).ToList();

    private static List<WhatsAppError> ReadErrors(JsonElement parent) =>
        parent.Objects("errors").Select(e => new WhatsAppError
        {
            Code = e.Int("code"),
            Title = e.String("title"),
            Message = e.String("message"),
            Details = e.Object("error_data").String("details"),
            Href = e.String("href"),
        }).ToList();

    private static InboundMessage ParseMessage(JsonElement m, ChangeScope scope, bool echo)
    {
        // An echo goes from the business to the customer: the customer is "to".
        var phone = echo ? m.String("to") : m.String("from");
        var userId = echo ? m.String("to_user_id") : m.String("from_user_id");
        var contact = scope.Identify(phone, userId);
        var rawType = m.String("type") ?? InferType(m);
        var errors = ReadErrors(m);

        // The envelope (who, when, which reply) is the same for every type; the content fills it in.
        var envelope = new InboundMessage
        {
            Id = m.String("id") is { Length: > 0 } id ? id : SyntheticId(m),
            PhoneNumberId = scope.PhoneNumberId,
            DisplayPhoneNumber = scope.DisplayPhoneNumber,
            WabaId = scope.WabaId,
            Contact = contact,
            Type = InboundMessageType.Unsupported,
            RawType = rawType,
            IsEcho = echo,
            OriginalMessageId = rawType switch
            {
                "edit" => m.Object("edit").String("original_message_id"),
                "revoke" => m.Object("revoke").String("original_message_id"),
                _ => null,
            },
            Context = ReadContext(m.Object("context")),
            Referral = ReadReferral(m.Object("referral")),
            Errors = errors.Count > 0 ? errors : scope.Errors.Count > 0 ? scope.Errors : null,
            Timestamp = ((JsonElement?)m).UnixTime("timestamp") ?? scope.ReceivedAt,
            ReceivedAt = scope.ReceivedAt,
        };

        // An edit carries the new message whole: its content is read as that message's, and the type stays "edit".
        if (rawType == "edit")
        {
            var edited = m.Object("edit") is { } edit && edit.Object("message") is { } inner
                ? WithContent(envelope, inner.String("type") ?? InferType(inner), inner)
                : envelope;
            return edited with { Type = InboundMessageType.Edit };
        }
        return WithContent(envelope, rawType, m);
    }

    /// <summary>No <c>type</c> key (not what Meta sends, but it happens): take the first content key we know.</summary>
    private static string InferType(JsonElement m)
    {
        foreach (var candidate in KnownContentKeys)
        {
            if (m.Has(candidate))
            {
                return candidate;
            }
        }
        return "unknown";
    }

    private static readonly string[] KnownContentKeys =
    [
        "text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive",
        "button", "reaction", "order", "system", "revoke", "edit", "unsupported",
    ];

    private static readonly FrozenDictionary<string, InboundMessageType> MediaTypes = new Dictionary<string, InboundMessageType>
    {
        ["image"] = InboundMessageType.Image,
        ["video"] = InboundMessageType.Video,
        ["audio"] = InboundMessageType.Audio,
        ["document"] = InboundMessageType.Document,
        ["sticker"] = InboundMessageType.Sticker,
    }.ToFrozenDictionary();

    /// <summary>The message with what its type-specific object holds.</summary>
    private static InboundMessage WithContent(InboundMessage envelope, string rawType, JsonElement m)
    {
        var body = m.Object(rawType);
        if (MediaTypes.TryGetValue(rawType, out var mediaType))
        {
            return envelope with { Type = mediaType, Media = ReadMedia(body) };
        }
        switch (rawType)
        {
            case "text":
                return envelope with { Type = InboundMessageType.Text, Text = body.String("body") };
            case "location":
                return envelope with
                {
                    Type = InboundMessageType.Location,
                    Location = body is null ? null : new LocationInfo
                    {
                        Latitude = body.Double("latitude"),
                        Longitude = body.Double("longitude"),
                        Name = body.String("name"),
                        Address = body.String("address"),
                        Url = body.String("url"),
                    },
                };
            case "contacts":
                return envelope with { Type = InboundMessageType.Contacts, SharedContacts = ReadSharedContacts(m) };
            case "interactive":
                var interactive = ReadInteractive(body);
                return envelope with { Type = InboundMessageType.Interactive, Interactive = interactive, Text = interactive?.Title };
            case "button":
                var button = body is null ? null : new ButtonReply { Payload = body.String("payload"), Text = body.String("text") };
                return envelope with { Type = InboundMessageType.Button, Button = button, Text = button?.Text };
            case "reaction":
                return envelope with
                {
                    Type = InboundMessageType.Reaction,
                    Reaction = new ReactionInfo
                    {
                        MessageId = body.String("message_id"),
                        Emoji = body.String("emoji") is { Length: > 0 } emoji ? emoji : null,
                    },
                };
            case "order":
                return envelope with { Type = InboundMessageType.Order, Order = ReadOrder(body) };
            case "system":
                return envelope with
                {
                    Type = InboundMessageType.System,
                    SystemChange = new SystemChange
                    {
                        Type = body.String("type"),
                        Body = body.String("body"),
                        NewWaId = body.String("new_wa_id") ?? body.String("wa_id"),
                        IdentityHash = m.Object("identity").String("hash") ?? body.String("identity"),
                    },
                };
            case "request_welcome":
                return envelope with { Type = InboundMessageType.RequestWelcome };
            case "revoke":
                return envelope with { Type = InboundMessageType.Revoke };
            default:
                // "unsupported", the older "unknown", and any type Meta invents later.
                var unsupportedType = m.Object("unsupported").String("type");
                return envelope with
                {
                    Type = InboundMessageType.Unsupported,
                    UnsupportedType = unsupportedType ?? (rawType is "unsupported" or "unknown" or "" ? null : rawType),
                };
        }
    }

    private static MediaInfo? ReadMedia(JsonElement? body) =>
        body is null ? null : new MediaInfo
        {
            Id = body.String("id"),
            MimeType = body.String("mime_type"),
            Sha256 = body.String("sha256"),
            Caption = body.String("caption"),
            Filename = body.String("filename"),
            Voice = body.Bool("voice"),
            Animated = body.Bool("animated"),
            Url = body.String("url") ?? body.String("link"),
        };

    private static List<SharedContact> ReadSharedContacts(JsonElement m) =>
        m.Objects("contacts").Select(c => new SharedContact
        {
            FormattedName = c.Object("name").String("formatted_name") ?? c.Object("name").String("first_name"),
            Phones = c.Objects("phones").Select(p => new SharedContactPhone
            {
                Phone = p.String("phone"),
                WaId = p.String("wa_id"),
                Type = p.String("type"),
            }).ToList(),
            Emails = c.Objects("emails").Select(e => e.String("email")).OfType<string>().ToList(),
        }).ToList();

    private static InteractiveReply? ReadInteractive(JsonElement? body)
    {
        if (body is not { } b)
        {
            return null;
        }
        var type = b.String("type") ?? string.Empty;
        var reply = b.Object(type);
        return new InteractiveReply
        {
            Type = type,
            Id = reply.String("id"),
            Title = reply.String("title"),
            Description = reply.String("description"),
            ResponseJson = reply.String("response_json"),
            Body = reply.String("body"),
            Name = reply.String("name"),
        };
    }

    private static OrderInfo? ReadOrder(JsonElement? body) =>
        body is not { } b ? null : new OrderInfo
        {
            CatalogId = b.String("catalog_id"),
            Text = b.String("text"),
            Items = b.Objects("product_items").Select(i => new OrderItem
            {
                ProductRetailerId = i.String("product_retailer_id"),
                Quantity = i.Int("quantity"),
                ItemPrice = i.Decimal("item_price"),
                Currency = i.String("currency"),
            }).ToList(),
        };

    private static MessageContext? ReadContext(JsonElement? context)
    {
        if (context is not { } c)
        {
            return null;
        }
        var product = c.Object("referred_product");
        return new MessageContext
        {
            Id = c.String("id"),
            From = c.String("from"),
            Forwarded = context.Bool("forwarded"),
            FrequentlyForwarded = context.Bool("frequently_forwarded"),
            ReferredProduct = product is null ? null : new ReferredProduct
            {
                CatalogId = product.String("catalog_id"),
                ProductRetailerId = product.String("product_retailer_id"),
            },
        };
    }

    private static Referral? ReadReferral(JsonElement? referral) =>
        referral is null ? null : new Referral
        {
            SourceUrl = referral.String("source_url"),
            SourceId = referral.String("source_id"),
            SourceType = referral.String("source_type"),
            Headline = referral.String("headline"),
            Body = referral.String("body"),
            MediaType = referral.String("media_type"),
            ImageUrl = referral.String("image_url"),
            VideoUrl = referral.String("video_url"),
            ThumbnailUrl = referral.String("thumbnail_url"),
            CtwaClid = referral.String("ctwa_clid"),
        };

    private static DeliveryStatus ParseStatus(JsonElement s, ChangeScope scope)
    {
        var raw = s.String("status");
        var errors = ReadErrors(s);
        var pricing = s.Object("pricing");
        var conversation = s.Object("conversation");
        return new DeliveryStatus
        {
            Id = s.String("id") is { Length: > 0 } id ? id : SyntheticId(s),
            PhoneNumberId = scope.PhoneNumberId,
            WabaId = scope.WabaId,
            Status = raw switch
            {
                "sent" => DeliveryState.Sent,
                "delivered" => DeliveryState.Delivered,
                "read" => DeliveryState.Read,
                "played" => DeliveryState.Played,
                "failed" => DeliveryState.Failed,
                "deleted" => DeliveryState.Deleted,
                _ => DeliveryState.Unknown,
            },
            RawStatus = raw,
            RecipientId = s.String("recipient_id"),
            RecipientUserId = s.String("recipient_user_id"),
            RecipientType = s.String("recipient_type"),
            Timestamp = ((JsonElement?)s).UnixTime("timestamp") ?? scope.ReceivedAt,
            Errors = errors.Count > 0 ? errors : null,
            PricingCategory = pricing.String("category"),
            PricingModel = pricing.String("pricing_model"),
            Billable = pricing.NullableBool("billable"),
            ConversationId = conversation.String("id"),
            ConversationOrigin = conversation?.Object("origin").String("type"),
            ConversationExpiresAt = conversation.UnixTime("expiration_timestamp"),
            BizOpaqueCallbackData = s.String("biz_opaque_callback_data"),
            ReceivedAt = scope.ReceivedAt,
        };
    }

    /// <summary>A message without an id still needs a stable one for de-duplication: hash its JSON.</summary>
    private static string SyntheticId(JsonElement element)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(Encoding.UTF8.GetBytes(element.GetRawText()), hash);
        return "noid:" + BinaryPrimitives.ReadUInt64BigEndian(hash).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
            + BinaryPrimitives.ReadUInt64BigEndian(hash[8..]).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
