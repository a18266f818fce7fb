namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>A message breaks a Cloud API limit that cannot be fixed without changing its meaning; lists every offending field.</summary>
public sealed class OutboundValidationException(IReadOnlyList<string> problems)
    : Exception("Outbound message refused: " + string.Join("; ", problems))
{
    /// <summary>One entry per field, e.g. <c>buttons[1].title: 25 characters, at most 20</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
