namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Brings a message within the Cloud API limits before it is queued: a long text becomes several
/// messages split at sentence boundaries, display-only labels that are too long are shortened with
/// an ellipsis, and anything that cannot be shortened without losing meaning is refused with an
/// <see cref="OutboundValidationException"/> listing every field.
/// </summary>
public static class OutboundMessagePreparer
{
    /// <summary>The messages to queue for <paramref name="message"/>: itself, a shortened copy, or the parts of a split text (ids <c>{id}.1</c>, <c>{id}.2</c>, ...).</summary>
    public static IReadOnlyList<OutboundMessage> Prepare(OutboundMessage message)
    {
        var prepared = message.Kind switch
        {
            OutboundKind.Buttons when message.Buttons is not null => message with { Buttons = Shorten(message.Buttons) },
            OutboundKind.List when message.List is not null => message with { List = Shorten(message.List) },
            _ => message,
        };

        if (prepared.Kind == OutboundKind.Text && prepared.Text is not null && prepared.Text.Body.Length > OutboundLimits.TextBody)
        {
            var parts = SplitText(prepared.Text.Body, OutboundLimits.TextBody);
            var result = new List<OutboundMessage>(parts.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                result.Add(prepared with
                {
                    Id = $"{message.Id}.{i + 1}",
                    Text = prepared.Text with { Body = parts[i] },
                    // Quote the customer's message once, on the first part.
                    InReplyTo = i == 0 ? prepared.InReplyTo : null,
                });
            }

            foreach (var part in result)
            {
                Validate(part);
            }

            return result;
        }

        Validate(prepared);
        return [prepared];
    }

    /// <summary>Throws <see cref="OutboundValidationException"/> unless the message can be sent as it is.</summary>
    public static void Validate(OutboundMessage message)
    {
        var problems = new List<string>();
        Require(problems, !string.IsNullOrWhiteSpace(message.Id), "id: required");
        Require(problems, !string.IsNullOrWhiteSpace(message.PhoneNumberId), "phoneNumberId: required");
        if (message.Kind != OutboundKind.MarkRead)
        {
            Require(problems, !string.IsNullOrWhiteSpace(message.To) || !string.IsNullOrWhiteSpace(message.Recipient), "to/recipient: a phone or a BSUID is required");
        }

        switch (message.Kind)
        {
            case OutboundKind.Text:
                if (Present(problems, message.Text, "text"))
                {
                    Require(problems, !string.IsNullOrWhiteSpace(message.Text!.Body), "text.body: required");
                    Length(problems, message.Text.Body, OutboundLimits.TextBody, "text.body");
                }

                break;
            case OutboundKind.Buttons:
                if (Present(problems, message.Buttons, "buttons"))
                {
                    ValidateButtons(problems, message.Buttons!);
                }

                break;
            case OutboundKind.List:
                if (Present(problems, message.List, "list"))
                {
                    ValidateList(problems, message.List!);
                }

                break;
            case OutboundKind.Template:
                if (Present(problems, message.Template, "template"))
                {
                    Require(problems, !string.IsNullOrWhiteSpace(message.Template!.Name), "template.name: required");
                    Require(problems, !string.IsNullOrWhiteSpace(message.Template.Language), "template.language: required");
                    var parameters = message.Template.BodyParameters ?? [];
                    var named = parameters.Count(p => p.Name is not null);
                    Require(problems, named == 0 || named == parameters.Count, "template.bodyParameters: either all named or all positional");
                }

                break;
            case OutboundKind.Image:
            case OutboundKind.Document:
                if (Present(problems, message.Media, "media"))
                {
                    var media = message.Media!;
                    Require(problems, string.IsNullOrWhiteSpace(media.MediaId) != string.IsNullOrWhiteSpace(media.Link), "media: exactly one of mediaId and link");
                    Length(problems, media.Caption, OutboundLimits.Caption, "media.caption");
                    Require(problems, message.Kind == OutboundKind.Document || media.Filename is null, "media.filename: only documents have a file name");
                }

                break;
            case OutboundKind.MarkRead:
                if (Present(problems, message.MarkRead, "markRead"))
                {
                    Require(problems, !string.IsNullOrWhiteSpace(message.MarkRead!.MessageId), "markRead.messageId: required");
                }

                break;
            default:
                problems.Add($"kind: unknown kind {message.Kind}");
                break;
        }

        if (problems.Count > 0)
        {
            throw new OutboundValidationException(problems);
        }
    }

    /// <summary>Splits <paramref name="text"/> into parts of at most <paramref name="limit"/> characters, preferring paragraph, then sentence, then word boundaries.</summary>
    public static IReadOnlyList<string> SplitText(string text, int limit)
    {
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > limit)
        {
            var cut = BestCut(rest[..limit]);
            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static int BestCut(ReadOnlySpan<char> window)
    {
        // Not before half the window: many tiny parts would be worse than a cut mid-sentence.
        var floor = window.Length / 2;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= floor)
        {
            return paragraph + 2;
        }

        for (var i = window.Length - 2; i >= floor; i--)
        {
            if (window[i] is '.' or '!' or '?' or '…' or '\n' && char.IsWhiteSpace(window[i + 1]))
            {
                return i + 1;
            }
        }

        var space = window.LastIndexOf(' ');
        return space >= floor ? space + 1 : window.Length;
    }

    private static OutboundButtons Shorten(OutboundButtons buttons)
    {
        var shortened = buttons.Buttons.Select(b => b with { Title = Ellipsize(b.Title, OutboundLimits.ButtonTitle) }).ToList();

        // Titles must stay distinguishable for the customer; if shortening merges two, refuse instead.
        var distinct = shortened.Select(b => b.Title).Distinct(StringComparer.Ordinal).Count();
        var originalDistinct = buttons.Buttons.Select(b => b.Title).Distinct(StringComparer.Ordinal).Count();
        if (distinct != originalDistinct)
        {
            return buttons;
        }

        return buttons with
        {
            Buttons = shortened,
            Header = EllipsizeOrNull(buttons.Header, OutboundLimits.HeaderText),
            Footer = EllipsizeOrNull(buttons.Footer, OutboundLimits.Footer),
        };
    }

    private static OutboundList Shorten(OutboundList list) => list with
    {
        ButtonLabel = Ellipsize(list.ButtonLabel, OutboundLimits.ListButtonLabel),
        Header = EllipsizeOrNull(list.Header, OutboundLimits.HeaderText),
        Footer = EllipsizeOrNull(list.Footer, OutboundLimits.Footer),
        Sections = list.Sections.Select(s => s with
        {
            Title = EllipsizeOrNull(s.Title, OutboundLimits.SectionTitle),
            Rows = s.Rows.Select(r => r with
            {
                Title = Ellipsize(r.Title, OutboundLimits.RowTitle),
                Description = EllipsizeOrNull(r.Description, OutboundLimits.RowDescription),
            }).ToList(),
        }).ToList(),
    };

    private static void ValidateButtons(List<string> problems, OutboundButtons buttons)
    {
        Require(problems, !string.IsNullOrWhiteSpace(buttons.Body), "buttons.body: required");
        Length(problems, buttons.Body, OutboundLimits.InteractiveBody, "buttons.body");
        Length(problems, buttons.Header, OutboundLimits.HeaderText, "buttons.header");
        Length(problems, buttons.Footer, OutboundLimits.Footer, "buttons.footer");
        Require(problems, buttons.Buttons.Count is >= 1 and <= OutboundLimits.MaxButtons, $"buttons.buttons: {buttons.Buttons.Count} buttons, 1 to {OutboundLimits.MaxButtons} allowed");
        for (var i = 0; i < buttons.Buttons.Count; i++)
        {
            var button = buttons.Buttons[i];
            Require(problems, !string.IsNullOrWhiteSpace(button.Id), $"buttons.buttons[{i}].id: required");
            Length(problems, button.Id, OutboundLimits.ButtonId, $"buttons.buttons[{i}].id");
            Require(problems, !string.IsNullOrWhiteSpace(button.Title), $"buttons.buttons[{i}].title: required");
            Length(problems, button.Title, OutboundLimits.ButtonTitle, $"buttons.buttons[{i}].title");
        }

        Require(problems, buttons.Buttons.Select(b => b.Title).Distinct(StringComparer.Ordinal).Count() == buttons.Buttons.Count, "buttons.buttons: titles must be unique");
        Require(problems, buttons.Buttons.Select(b => b.Id).Distinct(StringComparer.Ordinal).Count() == buttons.Buttons.Count, "buttons.buttons: ids must be unique");
    }

    private static void ValidateList(List<string> problems, OutboundList list)
    {
        Require(problems, !string.IsNullOrWhiteSpace(list.Body), "list.body: required");
        Length(problems, list.Body, OutboundLimits.InteractiveBody, "list.body");
        Length(problems, list.Header, OutboundLimits.HeaderText, "list.header");
        Length(problems, list.Footer, OutboundLimits.Footer, "list.footer");
        Require(problems, !string.IsNullOrWhiteSpace(list.ButtonLabel), "list.buttonLabel: required");
        Length(problems, list.ButtonLabel, OutboundLimits.ListButtonLabel, "list.buttonLabel");
        Require(problems, list.Sections.Count is >= 1 and <= OutboundLimits.MaxListSections, $"list.sections: {list.Sections.Count} sections, 1 to {OutboundLimits.MaxListSections} allowed");
        var rows = list.Sections.Sum(s => s.Rows.Count);
        Require(problems, rows is >= 1 and <= OutboundLimits.MaxListRows, $"list.sections: {rows} rows in total, 1 to {OutboundLimits.MaxListRows} allowed");
        for (var s = 0; s < list.Sections.Count; s++)
        {
            var section = list.Sections[s];
            Require(problems, list.Sections.Count == 1 || !string.IsNullOrWhiteSpace(section.Title), $"list.sections[{s}].title: required when there are several sections");
            Length(problems, section.Title, OutboundLimits.SectionTitle, $"list.sections[{s}].title");
            for (var r = 0; r < section.Rows.Count; r++)
            {
                var row = section.Rows[r];
                Require(problems, !string.IsNullOrWhiteSpace(row.Id), $"list.sections[{s}].rows[{r}].id: required");
                Length(problems, row.Id, OutboundLimits.RowId, $"list.sections[{s}].rows[{r}].id");
                Require(problems, !string.IsNullOrWhiteSpace(row.Title), $"list.sections[{s}].rows[{r}].title: required");
                Length(problems, row.Title, OutboundLimits.RowTitle, $"list.sections[{s}].rows[{r}].title");
                Length(problems, row.Description, OutboundLimits.RowDescription, $"list.sections[{s}].rows[{r}].description");
            }
        }

        Require(problems, list.Sections.SelectMany(s => s.Rows).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() == rows, "list.sections: row ids must be unique");
    }

    private static string Ellipsize(string value, int limit) =>
        value.Length <= limit ? value : value[..(limit - OutboundLimits.Ellipsis.Length)].TrimEnd() + OutboundLimits.Ellipsis;

    private static string? EllipsizeOrNull(string? value, int limit) => value is null ? null : Ellipsize(value, limit);

    private static bool Present(List<string> problems, object? content, string field)
    {
        Require(problems, content is not null, $"{field}: required for this kind");
        return content is not null;
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    private static void Length(List<string> problems, string? value, int limit, string field)
    {
        if (value is not null && value.Length > limit)
        {
            problems.Add($"{field}: {value.Length} characters, at most {limit}");
        }
    }
}
