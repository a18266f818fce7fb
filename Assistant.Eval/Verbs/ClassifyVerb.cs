namespace Assistant.Eval.Verbs;

/// <summary><c>classify --pack DIR --messages FILE [--out FILE]</c> (CONTRACTS.md section 5).</summary>
public sealed class ClassifyVerb : IEvalVerb
{
    public string Name => "classify";

    public string Usage => "--pack DIR --messages FILE [--out FILE]";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        // Not built yet: the issue that owns this verb wires it to the pipeline.
        await output.WriteLineAsync("classify: not available in this build yet.");
        return 3;
    }
}
