using System.Data.Common;

namespace Assistant.Core.Llm;

/// <summary>Reads <c>ConnectionStrings:ollama</c>, <c>Endpoint=http://host:11434</c> (Aspire's format) or a bare URL.</summary>
public static class OllamaConnectionString
{
    public const string Name = "ollama";

    public static string? GetEndpoint(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        if (LlmOptionsValidator.IsHttpUrl(connectionString))
        {
            return connectionString;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return builder.TryGetValue("Endpoint", out var endpoint) ? endpoint?.ToString() : null;
        }
        catch (ArgumentException)
        {
            // Not a key=value string: the validator then reports the missing endpoint by its key.
            return null;
        }
    }
}
