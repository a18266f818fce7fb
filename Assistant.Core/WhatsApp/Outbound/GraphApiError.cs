namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The <c>error</c> object of a Graph API answer.</summary>
public sealed record GraphApiError(int Code, int? Subcode, string Message, string? Details = null, string? Type = null, string? FbTraceId = null);
