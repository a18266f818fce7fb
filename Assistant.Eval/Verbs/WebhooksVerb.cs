namespace Assistant.Eval.Verbs;

/// <summary><c>webhooks --dir DIR</c> (CONTRACTS.md section 5).</summary>
public sealed class WebhooksVerb : IEvalVerb
{
    public string Name => "webhooks";

    public string Usage => "--dir DIR";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        // Not built yet: the issue that owns this verb wires it to the pipeline.
        await output.WriteLineAsync("webhooks: not available in this build yet.");
        return 3;
    }
}
