namespace Assistant.Eval;

/// <summary>Arguments that do not fit the verb; the command prints the message and the usage.</summary>
public sealed class EvalUsageException(string message) : Exception(message);
