using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Tests.Outbound;

public sealed class OutboundMessagePreparerTests
{
    private static OutboundMessage Message(OutboundKind kind) => new()
    {
        Id = "m",
        BusinessId = "b",
        PhoneNumberId = "p",
        ConversationKey = "c",
        To = "391",
        Kind = kind,
        InReplyTo = "wamid.in",
    };

    [Fact]
    public void A_long_text_is_split_at_sentence_boundaries_into_parts_within_the_limit()
    {
        var sentence = "Questa è una frase di prova che ha una lunghezza ragionevole. ";
        var body = string.Concat(Enumerable.Repeat(sentence, 150)).Trim();
        Assert.True(body.Length > 2 * OutboundLimits.TextBody);

        var parts = OutboundMessagePreparer.Prepare(Message(OutboundKind.Text) with { Text = new OutboundText(body) });

        Assert.Equal(3, parts.Count);
        Assert.Equal(["m.1", "m.2", "m.3"], parts.Select(p => p.Id));
        Assert.All(parts, p => Assert.True(p.Text!.Body.Length <= OutboundLimits.TextBody));
        Assert.All(parts, p => Assert.EndsWith("ragionevole.", p.Text!.Body));
        Assert.Equal("wamid.in", parts[0].InReplyTo);
        Assert.Null(parts[1].InReplyTo);
        Assert.Equal(body.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts.Select(p => p.Text!.Body)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_within_the_limit_is_queued_as_it_is()
    {
        var message = Message(OutboundKind.Text) with { Text = new OutboundText(new string('a', OutboundLimits.TextBody)) };

        Assert.Same(message, Assert.Single(OutboundMessagePreparer.Prepare(message)));
    }

    [Fact]
    public void Too_long_button_and_row_labels_are_shortened_with_an_ellipsis()
    {
        var buttons = OutboundMessagePreparer.Prepare(Message(OutboundKind.Buttons) with
        {
            Buttons = new OutboundButtons("Body", [new OutboundButton("a", "Prenota un appuntamento"), new OutboundButton("b", "No")]),
        }).Single();
        Assert.Equal("Prenota un appuntam…", buttons.Buttons!.Buttons[0].Title);
        Assert.Equal(20, buttons.Buttons.Buttons[0].Title.Length);

        var list = OutboundMessagePreparer.Prepare(Message(OutboundKind.List) with
        {
            List = new OutboundList("Body", "Scegli tra gli orari disponibili", [new OutboundListSection(null, [new OutboundListRow("r", "Lunedì mattina alle nove e trenta", new string('d', 80))])]),
        }).Single();
        Assert.Equal(20, list.List!.ButtonLabel.Length);
        Assert.EndsWith("…", list.List.Sections[0].Rows[0].Title);
        Assert.Equal(24, list.List.Sections[0].Rows[0].Title.Length);
        Assert.Equal(72, list.List.Sections[0].Rows[0].Description!.Length);
    }

    [Fact]
    public void Shortening_that_would_make_two_buttons_identical_is_refused_naming_the_fields()
    {
        var message = Message(OutboundKind.Buttons) with
        {
            Buttons = new OutboundButtons("Body", [new OutboundButton("a", "Appuntamento mattina presto"), new OutboundButton("b", "Appuntamento mattina tardi")]),
        };

        var error = Assert.Throws<OutboundValidationException>(() => OutboundMessagePreparer.Prepare(message));

        Assert.Contains("buttons.buttons[0].title: 27 characters, at most 20", error.Problems);
        Assert.Contains("buttons.buttons[1].title: 26 characters, at most 20", error.Problems);
    }

    [Fact]
    public void Structural_limits_are_refused_with_every_problem_listed()
    {
        var rows = Enumerable.Range(0, 11).Select(i => new OutboundListRow($"r{i}", $"Row {i}")).ToList();
        var message = Message(OutboundKind.List) with
        {
            List = new OutboundList(new string('x', 1100), "Open", [new OutboundListSection("A", rows)]),
        };

        var error = Assert.Throws<OutboundValidationException>(() => OutboundMessagePreparer.Prepare(message));

        Assert.Contains("list.sections: 11 rows in total, 1 to 10 allowed", error.Problems);
        Assert.Contains("list.body: 1100 characters, at most 1024", error.Problems);
        Assert.Contains("list.body", error.Message);
    }

    [Fact]
    public void A_message_without_phone_or_bsuid_is_refused()
    {
        var error = Assert.Throws<OutboundValidationException>(() =>
            OutboundMessagePreparer.Validate(Message(OutboundKind.Text) with { To = null, Text = new OutboundText("x") }));

        Assert.Contains(error.Problems, p => p.StartsWith("to/recipient", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_round_trip_through_json_in_camel_case()
    {
        var message = Message(OutboundKind.Template) with
        {
            Template = new OutboundTemplate("t", "it", [new TemplateParameter("v", "n")]),
            IsProactive = true,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };

        var json = message.Serialize();

        Assert.Contains("\"kind\":\"template\"", json);
        Assert.Contains("\"phoneNumberId\":\"p\"", json);
        Assert.Contains("\"isProactive\":true", json);
        var back = OutboundMessage.Deserialize(json);
        Assert.Equal(message.Template.Name, back.Template!.Name);
        Assert.Equal(message.Template.BodyParameters![0], back.Template.BodyParameters![0]);
        Assert.Equal(message with { Template = null }, back with { Template = null });
    }
}
