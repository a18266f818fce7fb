using System.Text.Json;
using Assistant.Core.WhatsApp.Inbound;

namespace Assistant.Eval.Verbs;

/// <summary>
/// <c>webhooks --dir DIR</c> (CONTRACTS.md section 5): runs every <c>*.json</c> below DIR through the
/// webhook's own parser and reports what each body yields.
/// </summary>
public sealed class WebhooksVerb : IEvalVerb
{
    public string Name => "webhooks";

    public string Usage => "--dir DIR";

    public async Task<int> RunAsync(EvalArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var dir = arguments.Required("dir");
        if (!Directory.Exists(dir))
        {
            throw new EvalUsageException($"folder '{dir}' does not exist.");
        }

        var files = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        int parsed = 0, errors = 0, events = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(dir, file);
            try
            {
                var payload = WebhookParser.Parse(await File.ReadAllBytesAsync(file, cancellationToken), DateTimeOffset.UtcNow);
                parsed++;
                events += payload.EventCount;
                await output.WriteLineAsync($"ok    {name}: {Describe(payload)}");
            }
            catch (InvalidWebhookException ex)
            {
                errors++;
                await output.WriteLineAsync($"ERROR {name}: {ex.Message}");
            }
        }

        await output.WriteLineAsync($"{files.Count} files, {parsed} parsed, {errors} errors, {events} events");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { files = files.Count, parsed, errors, events }));
        return errors == 0 ? 0 : 1;
    }

    private static string Describe(WebhookPayload payload)
    {
        var parts = new List<string>();
        foreach (var change in payload.Changes)
        {
            if (change.IsIgnored)
            {
                parts.Add($"ignored field '{change.Field}'");
                continue;
            }
            parts.AddRange(change.Messages.Select(m => $"message {Type(m)}"));
            parts.AddRange(change.Echoes.Select(m => $"echo {Type(m)}"));
            parts.AddRange(change.Statuses.Select(s => $"status {s.RawStatus}"));
            if (change.Errors.Count > 0)
            {
                parts.Add($"value errors {string.Join('/', change.Errors.Select(e => e.Code))}");
            }
            if (change.EventCount == 0 && change.Errors.Count == 0)
            {
                parts.Add($"empty '{change.Field}' change");
            }
        }
        var kind = payload.IsWhatsAppBusinessAccount ? string.Empty : $"(object '{payload.ObjectType}', ignored) ";
        return kind + (parts.Count == 0 ? "no changes" : string.Join(", ", parts));
    }

    private static string Type(InboundMessage m)
    {
        var type = m.Type.Name();
        return m.Type switch
        {
            InboundMessageType.Interactive when m.Interactive is not null => $"{type}/{m.Interactive.Type}",
            InboundMessageType.System when m.SystemChange is not null => $"{type}/{m.SystemChange.Type}",
            InboundMessageType.Unsupported => $"{type}({m.UnsupportedType ?? m.RawType})",
            InboundMessageType.Audio when m.Media is { Voice: true } => $"{type}/voice",
            InboundMessageType.Reaction when m.Reaction is { IsRemoval: true } => $"{type}/removed",
            _ => type,
        };
    }
}
