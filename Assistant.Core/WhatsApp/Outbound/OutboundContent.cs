namespace Assistant.Core.WhatsApp.Outbound;

// The content records are small and only meaningful together, so they share a file.

/// <summary>A free-form text; <paramref name="PreviewUrl"/> asks WhatsApp to render a link preview.</summary>
public sealed record OutboundText(string Body, bool PreviewUrl = false);

/// <summary>Up to 3 reply buttons under a body text.</summary>
public sealed record OutboundButtons(string Body, IReadOnlyList<OutboundButton> Buttons, string? Header = null, string? Footer = null);

/// <summary>A reply button: <paramref name="Id"/> comes back in the customer's reply, <paramref name="Title"/> is shown (20 chars).</summary>
public sealed record OutboundButton(string Id, string Title);

/// <summary>A list message: a button that opens up to 10 rows in sections.</summary>
public sealed record OutboundList(string Body, string ButtonLabel, IReadOnlyList<OutboundListSection> Sections, string? Header = null, string? Footer = null);

public sealed record OutboundListSection(string? Title, IReadOnlyList<OutboundListRow> Rows);

public sealed record OutboundListRow(string Id, string Title, string? Description = null);

/// <summary>An approved template; body parameters are named when each has a <see cref="TemplateParameter.Name"/>, positional otherwise.</summary>
public sealed record OutboundTemplate(string Name, string Language, IReadOnlyList<TemplateParameter>? BodyParameters = null);

public sealed record TemplateParameter(string Text, string? Name = null);

/// <summary>An image or document by uploaded media id or by public link.</summary>
public sealed record OutboundMedia(string? MediaId = null, string? Link = null, string? Caption = null, string? Filename = null);

/// <summary>Marks a received message as read and, optionally, shows the typing indicator while a reply is prepared.</summary>
public sealed record OutboundMarkRead(string MessageId, bool TypingIndicator = true);
