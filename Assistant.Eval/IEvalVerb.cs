namespace Assistant.Eval;

/// <summary>One verb of the evaluation command.</summary>
public interface IEvalVerb
{
    string Name { get; }

    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code (0 success).</summary>
    Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
