using System.Diagnostics;
using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>Small helpers to read stream entries as records and to carry W3C trace context through a stream.</summary>
public static class StreamEntryExtensions
{
    public const string TraceParentField = "traceparent";
    public const string TraceStateField = "tracestate";

    /// <summary>The value of a field, or null when the entry does not carry it.</summary>
    public static string? GetString(this StreamEntry entry, string field)
    {
        foreach (var pair in entry.Values)
        {
            if (pair.Name == field)
            {
                return pair.Value.IsNull ? null : (string?)pair.Value;
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, string> ToDictionary(this StreamEntry entry)
    {
        var result = new Dictionary<string, string>(entry.Values.Length, StringComparer.Ordinal);
        foreach (var pair in entry.Values)
        {
            result[pair.Name!] = pair.Value.IsNull ? "" : pair.Value!;
        }

        return result;
    }

    /// <summary>The trace context an entry was written under, if it carries a valid <c>traceparent</c>.</summary>
    public static ActivityContext? GetParentContext(this StreamEntry entry)
    {
        var traceParent = entry.GetString(TraceParentField);
        if (traceParent is null)
        {
            return null;
        }

        return ActivityContext.TryParse(traceParent, entry.GetString(TraceStateField), isRemote: true, out var context)
            ? context
            : null;
    }

    /// <summary>When the entry was added, from its id (<c>millis-seq</c>).</summary>
    public static DateTimeOffset? GetTimestamp(this StreamEntry entry)
    {
        var id = (string?)entry.Id;
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0 && long.TryParse(id.AsSpan(0, dash), out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : null;
    }

    /// <summary>The fields that continue the current trace in whoever reads the entry (empty without a current activity).</summary>
    public static IEnumerable<NameValueEntry> CurrentTraceFields()
    {
        var activity = Activity.Current;
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            yield break;
        }

        yield return new NameValueEntry(TraceParentField, activity.Id);
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            yield return new NameValueEntry(TraceStateField, activity.TraceStateString);
        }
    }
}
