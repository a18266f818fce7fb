namespace Microsoft.AspNetCore.Builder;

/// <summary>A minimal start page: where the API and its OpenAPI document are.</summary>
internal static class ConsolePage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Assistant admin</title></head>
        <body>
        <h1>Assistant admin</h1>
        <p>Sign in with <code>POST /api/auth/login</code>; the API is described by <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
        </body>
        </html>
        """;
}
