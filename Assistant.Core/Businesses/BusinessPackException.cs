namespace Assistant.Core.Businesses;

/// <summary>A pack folder that does not follow CONTRACTS.md section 3; the message says which file and why.</summary>
public sealed class BusinessPackException(string message, Exception? inner = null) : Exception(message, inner);
