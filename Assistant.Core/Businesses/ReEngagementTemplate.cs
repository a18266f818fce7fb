namespace Assistant.Core.Businesses;

/// <summary>
/// The <c>reEngagementTemplate</c> object of <c>business.json</c>: the approved template sent in
/// place of a free-form message when the 24-hour customer service window is closed. Templates are
/// approved per WhatsApp Business Account, so the business owns it rather than the operator.
/// </summary>
public sealed record ReEngagementTemplate
{
    // Not `required`: a missing name or language should fail with BusinessPackLoader's message,
    // which names the file and the field, not with the serializer's.
    public string Name { get; init; } = "";

    /// <summary>The language code the template was approved in, e.g. <c>it</c> or <c>en_US</c>.</summary>
    public string Language { get; init; } = "";

    /// <summary>Positional body parameters (<c>{{1}}</c>, <c>{{2}}</c>, ...), if the template has any.</summary>
    public IReadOnlyList<string> BodyParameters { get; init; } = [];
}
