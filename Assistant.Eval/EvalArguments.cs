namespace Assistant.Eval;

/// <summary><c>--name value</c> pairs after the verb.</summary>
public sealed class EvalArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static EvalArguments Parse(ReadOnlySpan<string> args)
    {
        var parsed = new EvalArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new EvalUsageException($"expected '--name value', got '{name}'.");
            }
            parsed._values[name[2..]] = args[++i];
        }
        return parsed;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new EvalUsageException($"--{name} is required.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);
}
