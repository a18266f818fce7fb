using System.Data.Common;

namespace Assistant.Core.Knowledge;

/// <summary>An <c>Endpoint=...;Key=...</c> connection string (the format of Aspire's Qdrant and Ollama integrations).</summary>
public sealed record ServiceEndpoint(Uri Endpoint, string? Key)
{
    public static ServiceEndpoint Parse(string connectionString)
    {
        // A bare URL is accepted too.
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var bare) && !connectionString.Contains('=', StringComparison.Ordinal))
        {
            return new ServiceEndpoint(bare, null);
        }
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.TryGetValue("Endpoint", out var endpoint) || !Uri.TryCreate(endpoint?.ToString(), UriKind.Absolute, out var uri))
        {
            throw new FormatException("The connection string needs 'Endpoint=http(s)://host:port'.");
        }
        var key = builder.TryGetValue("Key", out var k) ? k?.ToString() : null;
        return new ServiceEndpoint(uri, string.IsNullOrEmpty(key) ? null : key);
    }
}
