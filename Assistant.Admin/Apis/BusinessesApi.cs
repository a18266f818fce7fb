using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Assistant.Core.Businesses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Apis;

/// <summary>Businesses: list, create, edit <c>business.json</c>, pack import and export.</summary>
public static class BusinessesApi
{
    public static IEndpointRouteBuilder MapBusinessesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses").WithTags("Businesses").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync).RequirePlatformOwner();
        api.MapPost("/import", ImportAsync).Accepts<byte[]>("application/zip");

        var business = app.MapGroup("/api/businesses/{businessId}").WithTags("Businesses").RequireAuthorization().RequireBusinessMember();
        business.MapGet("/", GetAsync);
        business.MapPut("/", UpdateAsync).RequireBusinessOwner();
        business.MapGet("/export", ExportAsync).RequireBusinessOwner();
        return app;
    }

    public static async Task<Ok<List<BusinessListItem>>> ListAsync(AdminCaller caller, BusinessDirectory directory)
    {
        var visible = (await directory.ListAsync())
            .Where(b => caller.User.CanSee(b.Id))
            .Select(b => new BusinessListItem(b, caller.User.RoleIn(b.Id)!.Value))
            .ToList();
        return TypedResults.Ok(visible);
    }

    public static async Task<Ok<BusinessProfile>> GetAsync(string businessId, BusinessDirectory directory) =>
        TypedResults.Ok((await directory.GetAsync(businessId))!);

    public static async Task<Results<Created<BusinessProfile>, ProblemHttpResult>> CreateAsync(BusinessProfile profile, AdminCaller caller, BusinessDirectory directory, AuditLog audit)
    {
        if (await directory.GetAsync(profile.Id) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Business '{profile.Id}' exists already.");
        }
        if (await CheckAsync(profile, directory) is { } problem)
        {
            return problem;
        }
        await directory.UpsertAsync(profile);
        await audit.WriteAsync(caller, "business.create", profile.Id, profile.Id);
        return TypedResults.Created($"/api/businesses/{profile.Id}", profile);
    }

    public static async Task<Results<Ok<BusinessProfile>, ProblemHttpResult>> UpdateAsync(string businessId, BusinessProfile profile, AdminCaller caller, BusinessDirectory directory, AuditLog audit)
    {
        if (profile.Id != businessId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The id of a business cannot change.");
        }
        if (await CheckAsync(profile, directory) is { } problem)
        {
            return problem;
        }
        await directory.UpsertAsync(profile);
        await audit.WriteAsync(caller, "business.update", businessId, businessId);
        return TypedResults.Ok(profile);
    }

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, AdminCaller caller, BusinessDirectory directory, BusinessPackService packs, AuditLog audit, IOptions<AdminOptions> options)
    {
        var limit = options.Value.MaxPackBytes;
        if (request.ContentLength > limit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"A pack may be at most {limit} bytes.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > limit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"A pack may be at most {limit} bytes.");
        }
        buffer.Position = 0;
        BusinessPack pack;
        try
        {
            pack = BusinessPackArchive.Read(buffer, limit * 10);
        }
        catch (BusinessPackException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid business pack.", detail: ex.Message);
        }
        var existing = await directory.GetAsync(pack.Profile.Id);
        // A new business needs the platform owner; an existing one its owner.
        if (existing is null ? !caller.User.AllBusinesses : !caller.User.IsOwnerOf(pack.Profile.Id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not import this business.");
        }
        if (await CheckAsync(pack.Profile, directory) is { } problem)
        {
            return problem;
        }
        await packs.ImportAsync(pack);
        await audit.WriteAsync(caller, "business.import", pack.Profile.Id, pack.Profile.Id, $"{pack.Knowledge.Count} knowledge files");
        return TypedResults.Ok(new ImportResult(pack.Profile, pack.Knowledge.Count, pack.Examples.Count, pack.Responses.Count, existing is null));
    }

    public static async Task<FileContentHttpResult> ExportAsync(string businessId, AdminCaller caller, BusinessPackService packs, AuditLog audit)
    {
        var pack = (await packs.ExportAsync(businessId))!;
        await audit.WriteAsync(caller, "business.export", businessId, businessId);
        return TypedResults.File(BusinessPackArchive.Write(pack), "application/zip", businessId + ".zip");
    }

    /// <summary>Valid as a pack's business.json, and its number not claimed by another business.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(BusinessProfile profile, BusinessDirectory directory)
    {
        try
        {
            BusinessPackLoader.Validate(profile, "business");
        }
        catch (BusinessPackException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid business.", detail: ex.Message);
        }
        var owner = (await directory.ListAsync()).FirstOrDefault(b => b.PhoneNumberId == profile.PhoneNumberId && b.Id != profile.Id);
        return owner is null
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another business uses this phoneNumberId.");
    }
}
