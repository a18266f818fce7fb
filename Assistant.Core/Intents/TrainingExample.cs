namespace Assistant.Core.Intents;

/// <summary>One built-in training example: its text, intent id and language.</summary>
public sealed record TrainingExample(string Text, string Intent, string Language);
