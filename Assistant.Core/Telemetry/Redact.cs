namespace Assistant.Core.Telemetry;

/// <summary>Customers' phone numbers never reach logs or traces whole: only the last three digits, enough to tell two apart.</summary>
public static class Redact
{
    public static string Phone(string? phone) =>
        phone is null ? "(none)" : phone.Length <= 3 ? "***" : "***" + phone[^3..];
}
