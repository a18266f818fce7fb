namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The user's answer to an interactive message.</summary>
public sealed record InteractiveReply
{
    /// <summary><c>button_reply</c>, <c>list_reply</c>, <c>nfm_reply</c> or whatever Meta sent.</summary>
    public required string Type { get; init; }

    /// <summary>The id the business gave the button or row.</summary>
    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary>List rows only.</summary>
    public string? Description { get; init; }

    /// <summary>Flows (<c>nfm_reply</c>): the form's answers as a JSON string.</summary>
    public string? ResponseJson { get; init; }

    /// <summary>Flows: the text shown in the chat.</summary>
    public string? Body { get; init; }

    /// <summary>Flows: usually <c>flow</c>.</summary>
    public string? Name { get; init; }
}
