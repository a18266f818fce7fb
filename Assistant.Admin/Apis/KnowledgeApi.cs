using System.Text;
using System.Text.RegularExpressions;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Assistant.Core.Businesses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>Knowledge files of a business (kept in Redis) and their ingestion.</summary>
public static partial class KnowledgeApi
{
    /// <summary>A knowledge file may be at most this large (a long price list fits many times over).</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/knowledge").WithTags("Knowledge").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/", ListAsync);
        api.MapGet("/status", GetStatusAsync);
        api.MapGet("/{name}", GetAsync);
        api.MapPut("/{name}", PutAsync).RequireBusinessOwner().Accepts<string>("text/markdown", "text/plain");
        api.MapDelete("/{name}", DeleteAsync).RequireBusinessOwner();
        api.MapPost("/ingest", IngestAsync).RequireBusinessOwner();
        return app;
    }

    public static async Task<Ok<KnowledgeList>> ListAsync(string businessId, KnowledgeFileStore files, KnowledgeIngestionQueue ingestion)
    {
        var list = (await files.GetAllAsync(businessId)).Select(f => new KnowledgeFileInfo(f.Name, f.Content.Length)).ToList();
        return TypedResults.Ok(new KnowledgeList(list, await ingestion.GetStatusAsync(businessId)));
    }

    public static async Task<Ok<KnowledgeStatus>> GetStatusAsync(string businessId, KnowledgeIngestionQueue ingestion) =>
        TypedResults.Ok(await ingestion.GetStatusAsync(businessId));

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string businessId, string name, KnowledgeFileStore files) =>
        await files.GetAsync(businessId, name) is { } file
            ? TypedResults.Text(file.Content, "text/markdown; charset=utf-8")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such knowledge file.");

    /// <summary>Uploads or replaces one file (the request body is the markdown), then re-ingests in the background.</summary>
    public static async Task<Results<Accepted<KnowledgeStatus>, ProblemHttpResult>> PutAsync(
        string businessId, string name, HttpRequest request, AdminCaller caller, KnowledgeFileStore files, KnowledgeIngestionQueue ingestion, AuditLog audit)
    {
        if (!FileName().IsMatch(name))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A knowledge file name is letters, digits, '.', '_' or '-' and ends in .md or .txt.");
        }
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxFileBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"A knowledge file may be at most {MaxFileBytes} bytes.");
        }
        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A knowledge file must be UTF-8 text.");
        }
        var added = await files.PutAsync(businessId, new KnowledgeFile(name, content));
        await audit.WriteAsync(caller, added ? "knowledge.upload" : "knowledge.replace", businessId, name);
        return TypedResults.Accepted($"/api/businesses/{businessId}/knowledge/status", await ingestion.QueueAsync(businessId));
    }

    public static async Task<Results<Accepted<KnowledgeStatus>, ProblemHttpResult>> DeleteAsync(
        string businessId, string name, AdminCaller caller, KnowledgeFileStore files, KnowledgeIngestionQueue ingestion, AuditLog audit)
    {
        if (!await files.DeleteAsync(businessId, name))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such knowledge file.");
        }
        await audit.WriteAsync(caller, "knowledge.delete", businessId, name);
        return TypedResults.Accepted($"/api/businesses/{businessId}/knowledge/status", await ingestion.QueueAsync(businessId));
    }

    public static async Task<Accepted<KnowledgeStatus>> IngestAsync(string businessId, AdminCaller caller, KnowledgeIngestionQueue ingestion, AuditLog audit)
    {
        await audit.WriteAsync(caller, "knowledge.ingest", businessId);
        return TypedResults.Accepted($"/api/businesses/{businessId}/knowledge/status", await ingestion.QueueAsync(businessId));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,120}\.(md|txt)$")]
    private static partial Regex FileName();
}
