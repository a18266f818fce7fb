using System.Globalization;

namespace Assistant.Admin.Components.Support;

/// <summary>Times as the business reads them: in its own time zone, short.</summary>
public static class Clock
{
    public static DateTimeOffset InZone(DateTimeOffset at, string? timeZone)
    {
        try
        {
            return timeZone is { Length: > 0 } ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)) : at;
        }
        catch (TimeZoneNotFoundException)
        {
            return at;
        }
    }

    /// <summary>"14:05" today, "12/03 14:05" before.</summary>
    public static string Brief(DateTimeOffset at, string? timeZone)
    {
        var local = InZone(at, timeZone);
        var today = InZone(DateTimeOffset.UtcNow, timeZone).Date;
        return local.Date == today
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);
    }
}
