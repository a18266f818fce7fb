using Assistant.Eval.Verbs;

namespace Assistant.Eval;

/// <summary>
/// The offline evaluation command of CONTRACTS.md section 5. Each verb prints a readable report
/// and, as its last line, one JSON object.
/// </summary>
public static class EvalCommand
{
    private static readonly IReadOnlyDictionary<string, IEvalVerb> Verbs = new IEvalVerb[]
    {
        new WebhooksVerb(),
        new ClassifyVerb(),
        new AskVerb(),
        new IntentsBenchmarkVerb(),
    }.ToDictionary(v => v.Name, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            await output.WriteLineAsync($"usage: Assistant.Eval <{string.Join('|', Verbs.Keys)}> [options]");
            foreach (var v in Verbs.Values)
            {
                await output.WriteLineAsync($"  {v.Name} {v.Usage}");
            }
            return 2;
        }

        var options = EvalArguments.Parse(args.AsSpan(1));
        try
        {
            return await verb.RunAsync(options, output, cancellationToken);
        }
        catch (EvalUsageException ex)
        {
            await output.WriteLineAsync($"{verb.Name}: {ex.Message}");
            await output.WriteLineAsync($"usage: {verb.Name} {verb.Usage}");
            return 2;
        }
    }
}
