namespace Assistant.Admin.Components.Charts;

/// <summary>One bar: its label (a day, an intent) and value; null when there was nothing to measure.</summary>
public sealed record ChartPoint(string Label, double? Value);
