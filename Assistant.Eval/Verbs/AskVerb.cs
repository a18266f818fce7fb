namespace Assistant.Eval.Verbs;

/// <summary><c>ask --pack DIR --questions FILE [--out FILE]</c> (CONTRACTS.md section 5).</summary>
public sealed class AskVerb : IEvalVerb
{
    public string Name => "ask";

    public string Usage => "--pack DIR --questions FILE [--out FILE]";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        // Not built yet: the issue that owns this verb wires it to the pipeline.
        await output.WriteLineAsync("ask: not available in this build yet.");
        return 3;
    }
}
