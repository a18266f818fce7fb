using Assistant.Core.WhatsApp.Inbound;

namespace Assistant.Tests.Inbound;

public sealed class ParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 10, 9, 8, 0, 0, TimeSpan.Zero);

    private static WebhookPayload Parse(string json) => WebhookParser.Parse(Payloads.Utf8(json), ReceivedAt);

    private static InboundMessage Single(string json) => Assert.Single(Assert.Single(Parse(json).Changes).Messages);

    [Fact]
    public void Text_message_carries_id_identity_text_and_time()
    {
        var m = Single(Payloads.Text("wamid.T1", "Ciao"));

        Assert.Equal("wamid.T1", m.Id);
        Assert.Equal(InboundMessageType.Text, m.Type);
        Assert.Equal("Ciao", m.Text);
        Assert.Equal(Payloads.PhoneNumberId, m.PhoneNumberId);
        Assert.Equal("390612345678", m.DisplayPhoneNumber);
        Assert.Equal("4455667788", m.WabaId);
        Assert.Equal(Payloads.CustomerPhone, m.Contact.WaId);
        Assert.Equal(Payloads.CustomerUserId, m.Contact.UserId);
        Assert.Equal("Giulia Rossi", m.Contact.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1760000000), m.Timestamp);
        Assert.Equal(ReceivedAt, m.ReceivedAt);
        Assert.False(m.IsEcho);
    }

    [Theory]
    [InlineData("image", InboundMessageType.Image)]
    [InlineData("video", InboundMessageType.Video)]
    [InlineData("sticker", InboundMessageType.Sticker)]
    public void Media_messages_carry_id_mime_and_caption(string type, InboundMessageType expected)
    {
        var m = Single(Payloads.Message("wamid.M1", $$$"""
            "type":"{{{type}}}","{{{type}}}":{"id":"MEDIA-1","mime_type":"image/jpeg","sha256":"abc=","caption":"la vetrina"}
            """));

        Assert.Equal(expected, m.Type);
        Assert.Equal("MEDIA-1", m.Media!.Id);
        Assert.Equal("image/jpeg", m.Media.MimeType);
        Assert.Equal("abc=", m.Media.Sha256);
        Assert.Equal("la vetrina", m.Media.Caption);
    }

    [Fact]
    public void Voice_note_is_audio_with_the_voice_flag()
    {
        var m = Single(Payloads.Message("wamid.A1", """
            "type":"audio","audio":{"id":"AUD-1","mime_type":"audio/ogg; codecs=opus","voice":true}
            """));

        Assert.Equal(InboundMessageType.Audio, m.Type);
        Assert.True(m.Media!.Voice);
        Assert.Equal("audio/ogg; codecs=opus", m.Media.MimeType);
    }

    [Fact]
    public void Document_carries_its_filename()
    {
        var m = Single(Payloads.Message("wamid.D1", """
            "type":"document","document":{"id":"DOC-1","mime_type":"application/pdf","filename":"preventivo.pdf","caption":"ecco"}
            """));

        Assert.Equal(InboundMessageType.Document, m.Type);
        Assert.Equal("preventivo.pdf", m.Media!.Filename);
        Assert.Equal("ecco", m.Media.Caption);
    }

    [Fact]
    public void Location_carries_coordinates_name_and_address()
    {
        var m = Single(Payloads.Message("wamid.L1", """
            "type":"location","location":{"latitude":41.9028,"longitude":"12.4964","name":"Ufficio","address":"Via Roma 1"}
            """));

        Assert.Equal(InboundMessageType.Location, m.Type);
        Assert.Equal(41.9028, m.Location!.Latitude);
        Assert.Equal(12.4964, m.Location.Longitude);
        Assert.Equal("Ufficio", m.Location.Name);
        Assert.Equal("Via Roma 1", m.Location.Address);
    }

    [Fact]
    public void Contacts_message_lists_the_shared_cards()
    {
        var m = Single(Payloads.Message("wamid.C1", """
            "type":"contacts","contacts":[{"name":{"first_name":"Marco","formatted_name":"Marco Bianchi"},
              "phones":[{"phone":"+39 333 000 1111","wa_id":"393330001111","type":"CELL"}],"emails":[{"email":"m@example.com","type":"WORK"}]}]
            """));

        Assert.Equal(InboundMessageType.Contacts, m.Type);
        var card = Assert.Single(m.SharedContacts!);
        Assert.Equal("Marco Bianchi", card.FormattedName);
        Assert.Equal("393330001111", Assert.Single(card.Phones).WaId);
        Assert.Equal("m@example.com", Assert.Single(card.Emails));
    }

    [Fact]
    public void Button_reply_gives_id_and_title_as_text()
    {
        var m = Single(Payloads.Message("wamid.I1", """
            "type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"confirm","title":"Confermo"}}
            """, """
            "context":{"from":"390612345678","id":"wamid.BOT1"}
            """));

        Assert.Equal(InboundMessageType.Interactive, m.Type);
        Assert.Equal("button_reply", m.Interactive!.Type);
        Assert.Equal("confirm", m.Interactive.Id);
        Assert.Equal("Confermo", m.Text);
        Assert.Equal("wamid.BOT1", m.Context!.Id);
        Assert.Equal("390612345678", m.Context.From);
    }

    [Fact]
    public void List_reply_gives_id_title_and_description()
    {
        var m = Single(Payloads.Message("wamid.I2", """
            "type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"slot-10","title":"Martedì 10:00","description":"Sede centrale"}}
            """));

        Assert.Equal("list_reply", m.Interactive!.Type);
        Assert.Equal("slot-10", m.Interactive.Id);
        Assert.Equal("Martedì 10:00", m.Text);
        Assert.Equal("Sede centrale", m.Interactive.Description);
    }

    [Fact]
    public void Flow_reply_keeps_the_response_json()
    {
        var m = Single(Payloads.Message("wamid.I3", """
            "type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"t1\",\"date\":\"2025-10-10\"}"}}
            """));

        Assert.Equal("nfm_reply", m.Interactive!.Type);
        Assert.Equal("{\"flow_token\":\"t1\",\"date\":\"2025-10-10\"}", m.Interactive.ResponseJson);
        Assert.Equal("Sent", m.Interactive.Body);
        Assert.Equal("flow", m.Interactive.Name);
    }

    [Fact]
    public void Template_quick_reply_button_gives_payload_and_text()
    {
        var m = Single(Payloads.Message("wamid.B1", """
            "type":"button","button":{"payload":"STOP_PROMO","text":"Non mi interessa"}
            """));

        Assert.Equal(InboundMessageType.Button, m.Type);
        Assert.Equal("STOP_PROMO", m.Button!.Payload);
        Assert.Equal("Non mi interessa", m.Text);
    }

    [Fact]
    public void Reaction_carries_the_emoji_and_the_message_reacted_to()
    {
        var m = Single(Payloads.Message("wamid.R1", """
            "type":"reaction","reaction":{"message_id":"wamid.BOT2","emoji":"\ud83d\udc4d"}
            """));

        Assert.Equal(InboundMessageType.Reaction, m.Type);
        Assert.Equal("wamid.BOT2", m.Reaction!.MessageId);
        Assert.Equal("👍", m.Reaction.Emoji);
        Assert.False(m.Reaction.IsRemoval);
    }

    [Theory]
    [InlineData("""{"message_id":"wamid.BOT2","emoji":""}""")]
    [InlineData("""{"message_id":"wamid.BOT2"}""")]
    public void Reaction_with_empty_or_missing_emoji_is_a_removal(string reaction)
    {
        var m = Single(Payloads.Message("wamid.R2", $$$"""
            "type":"reaction","reaction":{{{reaction}}}
            """));

        Assert.True(m.Reaction!.IsRemoval);
        Assert.Null(m.Reaction.Emoji);
        Assert.Equal("wamid.BOT2", m.Reaction.MessageId);
    }

    [Fact]
    public void Order_lists_items_with_quantity_and_price()
    {
        var m = Single(Payloads.Message("wamid.O1", """
            "type":"order","order":{"catalog_id":"CAT1","text":"per sabato","product_items":[
              {"product_retailer_id":"SKU-1","quantity":"2","item_price":12.5,"currency":"EUR"},
              {"product_retailer_id":"SKU-2","quantity":1,"item_price":"3","currency":"EUR"}]}
            """));

        Assert.Equal(InboundMessageType.Order, m.Type);
        Assert.Equal("CAT1", m.Order!.CatalogId);
        Assert.Equal(2, m.Order.Items.Count);
        Assert.Equal(2, m.Order.Items[0].Quantity);
        Assert.Equal(12.5m, m.Order.Items[0].ItemPrice);
        Assert.Equal(3m, m.Order.Items[1].ItemPrice);
    }

    [Theory]
    [InlineData("wa_id")]
    [InlineData("new_wa_id")]
    public void User_changed_number_accepts_both_spellings_of_the_new_number(string key)
    {
        var m = Single(Payloads.Message("wamid.S1", $$$"""
            "type":"system","system":{"body":"User changed number","{{{key}}}":"393339999999","type":"user_changed_number"}
            """));

        Assert.Equal(InboundMessageType.System, m.Type);
        Assert.Equal("user_changed_number", m.SystemChange!.Type);
        Assert.Equal("393339999999", m.SystemChange.NewWaId);
    }

    [Fact]
    public void Customer_identity_changed_keeps_the_identity_hash()
    {
        var m = Single(Payloads.Message("wamid.S2", """
            "type":"system","system":{"body":"Security code changed","type":"customer_identity_changed"},
            "identity":{"acknowledged":true,"created_timestamp":"1760000000","hash":"h4sh"}
            """));

        Assert.Equal("customer_identity_changed", m.SystemChange!.Type);
        Assert.Equal("h4sh", m.SystemChange.IdentityHash);
    }

    [Fact]
    public void Request_welcome_is_its_own_type()
    {
        var m = Single(Payloads.Message("wamid.W1", "\"type\":\"request_welcome\""));

        Assert.Equal(InboundMessageType.RequestWelcome, m.Type);
    }

    [Fact]
    public void Unsupported_message_keeps_errors_and_the_unsupported_type()
    {
        var m = Single(Payloads.Message("wamid.U1", """
            "type":"unsupported","unsupported":{"type":"poll"},
            "errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}]
            """));

        Assert.Equal(InboundMessageType.Unsupported, m.Type);
        Assert.Equal("poll", m.UnsupportedType);
        var error = Assert.Single(m.Errors!);
        Assert.Equal(131051, error.Code);
        Assert.Equal("Message type is currently not supported.", error.Details);
    }

    [Fact]
    public void Unknown_message_type_becomes_unsupported_instead_of_failing()
    {
        var m = Single(Payloads.Message("wamid.U2", """
            "type":"hologram","hologram":{"id":"H1"}
            """));

        Assert.Equal(InboundMessageType.Unsupported, m.Type);
        Assert.Equal("hologram", m.RawType);
        Assert.Equal("hologram", m.UnsupportedType);
    }

    [Fact]
    public void Message_without_a_type_key_survives_and_its_content_decides()
    {
        var m = Single(Payloads.Message("wamid.N1", """
            "location":{"latitude":45.46,"longitude":9.19}
            """));

        Assert.Equal(InboundMessageType.Location, m.Type);
        Assert.Equal(45.46, m.Location!.Latitude);
    }

    [Fact]
    public void Context_carries_forwarding_and_the_referred_product()
    {
        var m = Single(Payloads.Message("wamid.X1", "\"type\":\"text\",\"text\":{\"body\":\"questo?\"}", """
            "context":{"forwarded":true,"frequently_forwarded":true,"referred_product":{"catalog_id":"CAT1","product_retailer_id":"SKU-9"}}
            """));

        Assert.True(m.Context!.Forwarded);
        Assert.True(m.Context.FrequentlyForwarded);
        Assert.Equal("SKU-9", m.Context.ReferredProduct!.ProductRetailerId);
        Assert.Equal("CAT1", m.Context.ReferredProduct.CatalogId);
    }

    [Fact]
    public void Referral_from_a_click_to_whatsapp_ad_is_kept()
    {
        var m = Single(Payloads.Message("wamid.X2", "\"type\":\"text\",\"text\":{\"body\":\"info\"}", """
            "referral":{"source_url":"https://fb.me/ad","source_id":"AD-7","source_type":"ad","headline":"Bilocale in centro","body":"Scrivici","media_type":"image","image_url":"https://img","ctwa_clid":"CLID-1"}
            """));

        Assert.Equal("AD-7", m.Referral!.SourceId);
        Assert.Equal("ad", m.Referral.SourceType);
        Assert.Equal("Bilocale in centro", m.Referral.Headline);
        Assert.Equal("CLID-1", m.Referral.CtwaClid);
    }

    [Fact]
    public void Revoke_points_at_the_deleted_message()
    {
        var m = Single(Payloads.Message("wamid.V1", """
            "type":"revoke","revoke":{"original_message_id":"wamid.OLD"}
            """));

        Assert.Equal(InboundMessageType.Revoke, m.Type);
        Assert.Equal("wamid.OLD", m.OriginalMessageId);
    }

    [Fact]
    public void Edit_carries_the_new_content_and_the_original_id()
    {
        var m = Single(Payloads.Message("wamid.E1", """
            "type":"edit","edit":{"original_message_id":"wamid.OLD","message":{"type":"text","text":{"body":"corretto"}}}
            """));

        Assert.Equal(InboundMessageType.Edit, m.Type);
        Assert.Equal("wamid.OLD", m.OriginalMessageId);
        Assert.Equal("corretto", m.Text);
    }

    [Fact]
    public void Sender_with_only_a_bsuid_and_a_username_is_identified_by_the_bsuid()
    {
        var m = Single(Payloads.Envelope("""
            "contacts":[{"profile":{"name":"Luca","username":"luca.v"},"user_id":"IT.999"}],
            "messages":[{"from_user_id":"IT.999","id":"wamid.B2","timestamp":1760000000,"type":"text","text":{"body":"ciao"}}]
            """));

        Assert.Null(m.Contact.WaId);
        Assert.Equal("IT.999", m.Contact.UserId);
        Assert.Equal("luca.v", m.Contact.Username);
        Assert.Equal("Luca", m.Contact.Name);
        Assert.Equal("biz:IT.999", ConversationKey.For("biz", m.Contact));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1760000000), m.Timestamp);
    }

    [Fact]
    public void Conversation_key_prefers_the_bsuid_and_falls_back_to_the_phone()
    {
        Assert.Equal("b1:IT.1", ConversationKey.For("b1", new ContactIdentity { WaId = "39333", UserId = "IT.1" }));
        Assert.Equal("b1:39333", ConversationKey.For("b1", new ContactIdentity { WaId = "39333" }));
    }

    [Fact]
    public void Statuses_carry_state_recipient_pricing_conversation_and_tracker()
    {
        var s = Assert.Single(Assert.Single(Parse(Payloads.Status("wamid.OUT1", "sent", """
            "biz_opaque_callback_data":"reply:42",
            "conversation":{"id":"CONV-1","expiration_timestamp":"1760086400","origin":{"type":"service"}},
            "pricing":{"billable":false,"pricing_model":"PMP","category":"service"}
            """)).Changes).Statuses);

        Assert.Equal("wamid.OUT1", s.Id);
        Assert.Equal(DeliveryState.Sent, s.Status);
        Assert.Equal(Payloads.CustomerPhone, s.RecipientId);
        Assert.Equal("reply:42", s.BizOpaqueCallbackData);
        Assert.Equal("service", s.PricingCategory);
        Assert.Equal("PMP", s.PricingModel);
        Assert.False(s.Billable);
        Assert.Equal("CONV-1", s.ConversationId);
        Assert.Equal("service", s.ConversationOrigin);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1760086400), s.ConversationExpiresAt);
    }

    [Theory]
    [InlineData("delivered", DeliveryState.Delivered)]
    [InlineData("read", DeliveryState.Read)]
    [InlineData("played", DeliveryState.Played)]
    [InlineData("warming_up", DeliveryState.Unknown)]
    public void Status_values_map_to_states(string raw, DeliveryState expected)
    {
        var s = Assert.Single(Assert.Single(Parse(Payloads.Status("wamid.OUT2", raw)).Changes).Statuses);

        Assert.Equal(expected, s.Status);
        Assert.Equal(raw, s.RawStatus);
    }

    [Fact]
    public void Failed_status_carries_its_errors()
    {
        var s = Assert.Single(Assert.Single(Parse(Payloads.Status("wamid.OUT3", "failed", """
            "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message","error_data":{"details":"More than 24 hours have passed"},"href":"https://developers.facebook.com/docs"}]
            """)).Changes).Statuses);

        Assert.Equal(DeliveryState.Failed, s.Status);
        var error = Assert.Single(s.Errors!);
        Assert.Equal(131047, error.Code);
        Assert.Equal("Re-engagement message", error.Title);
        Assert.Equal("More than 24 hours have passed", error.Details);
        Assert.Equal("https://developers.facebook.com/docs", error.Href);
    }

    [Fact]
    public void Value_errors_are_kept_on_the_change_and_on_its_messages()
    {
        var change = Assert.Single(Parse(Payloads.Envelope($$$"""
            {{{Payloads.Contacts()}}},
            "messages":[{"from":"{{{Payloads.CustomerPhone}}}","id":"wamid.VE","timestamp":"1760000000","type":"interactive"}],
            "errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong","error_data":{"details":"Unsupported webhook payload"}}]
            """)).Changes);

        Assert.Equal(131000, Assert.Single(change.Errors).Code);
        var m = Assert.Single(change.Messages);
        Assert.Equal(InboundMessageType.Interactive, m.Type);
        Assert.Null(m.Interactive);
        Assert.Equal(131000, Assert.Single(m.Errors!).Code);
    }

    [Fact]
    public void Smb_message_echoes_become_echo_events_addressed_to_the_customer()
    {
        var change = Assert.Single(Parse(Payloads.Envelope($$$"""
            {{{Payloads.Contacts()}}},
            "message_echoes":[{"from":"390612345678","to":"{{{Payloads.CustomerPhone}}}","id":"wamid.ECHO1","timestamp":"1760000000","type":"text","text":{"body":"Ci penso io, a domani"}}]
            """, field: "smb_message_echoes")).Changes);

        Assert.Empty(change.Messages);
        var echo = Assert.Single(change.Echoes);
        Assert.True(echo.IsEcho);
        Assert.Equal("Ci penso io, a domani", echo.Text);
        Assert.Equal(Payloads.CustomerPhone, echo.Contact.WaId);
        Assert.Equal(Payloads.CustomerUserId, echo.Contact.UserId);
    }

    [Fact]
    public void Every_entry_change_message_and_status_of_a_body_is_kept()
    {
        var change = $$$"""
            {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"P1"},
              "contacts":[{"profile":{"name":"A"},"wa_id":"391"},{"profile":{"name":"B"},"wa_id":"392"}],
              "messages":[{"from":"391","id":"wamid.a","timestamp":"1","type":"text","text":{"body":"a"}},
                          {"from":"392","id":"wamid.b","timestamp":"2","type":"text","text":{"body":"b"}}],
              "statuses":[{"id":"wamid.s","status":"read","timestamp":"3","recipient_id":"391"}]}}
            """;
        var payload = Parse($$$"""
            {"object":"whatsapp_business_account","entry":[
              {"id":"W1","changes":[{{{change}}},{"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]},
              {"id":"W2","changes":[{{{change}}}]}]}
            """);

        Assert.Equal(3, payload.Changes.Count);
        Assert.Equal(6, payload.EventCount);
        Assert.Equal(1, payload.IgnoredChangeCount);
        var first = payload.Changes[0];
        Assert.Equal("A", first.Messages[0].Contact.Name);
        Assert.Equal("B", first.Messages[1].Contact.Name);
        Assert.Equal("W2", payload.Changes[2].WabaId);
    }

    [Theory]
    [InlineData("account_update")]
    [InlineData("calls")]
    [InlineData("message_template_status_update")]
    [InlineData("something_meta_adds_next_year")]
    public void Unknown_fields_parse_as_ignored_changes(string field)
    {
        var change = Assert.Single(Parse($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"W","time":1760000000,"changes":[{"field":"{{{field}}}","value":{"anything":[1,2,{"x":null}]}}]}]}
            """).Changes);

        Assert.True(change.IsIgnored);
        Assert.Equal(field, change.Field);
        Assert.Equal(0, change.EventCount);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}")]
    [InlineData("{\"entry\":[]}")]
    public void Non_json_and_non_webhooks_are_rejected(string body)
    {
        Assert.Throws<InvalidWebhookException>(() => Parse(body));
    }

    [Fact]
    public void Events_round_trip_through_their_json_in_camel_case()
    {
        var m = Single(Payloads.Message("wamid.J1", """
            "type":"audio","audio":{"id":"AUD-9","mime_type":"audio/ogg","voice":true}
            """)) with { BusinessId = "casa" };

        var json = InboundMessage.Serialize(m);
        var back = InboundMessage.Deserialize(json);

        Assert.Contains("\"type\":\"audio\"", json, StringComparison.Ordinal);
        Assert.Contains("\"businessId\":\"casa\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mimeType\":\"audio/ogg\"", json, StringComparison.Ordinal);
        Assert.Equal(m.Id, back.Id);
        Assert.Equal(m.Contact, back.Contact);
        Assert.Equal(m.Media, back.Media);
        Assert.Equal(m.Timestamp, back.Timestamp);
        Assert.Equal("casa:" + Payloads.CustomerUserId, back.ConversationKey);

        var s = Assert.Single(Assert.Single(Parse(Payloads.Status("wamid.J2", "failed", "\"errors\":[{\"code\":1,\"title\":\"t\"}]")).Changes).Statuses);
        var sBack = DeliveryStatus.Deserialize(DeliveryStatus.SerializeToUtf8Bytes(s));
        Assert.Equal(DeliveryState.Failed, sBack.Status);
        Assert.Equal(1, Assert.Single(sBack.Errors!).Code);
    }
}
