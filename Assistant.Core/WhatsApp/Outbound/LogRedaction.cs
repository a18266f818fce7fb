namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Phone numbers and user ids never reach logs whole: the last 3 characters are enough to correlate.</summary>
public static class LogRedaction
{
    public static string Contact(string? value) =>
        string.IsNullOrEmpty(value) ? "-" : value.Length <= 3 ? "***" : "***" + value[^3..];
}
