namespace Assistant.Core.Intents;

/// <summary>One intent with its calibrated probability.</summary>
public sealed record IntentScore(string Intent, double Confidence);
