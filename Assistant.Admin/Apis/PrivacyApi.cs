using System.Security.Cryptography;
using System.Text;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>Privacy requests of one contact (phone or BSUID): export everything held, or erase it. Owners only, audited.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/contacts/{contact}").WithTags("Privacy").RequireAuthorization().RequireBusinessMember().RequireBusinessOwner();
        api.MapGet("/export", ExportAsync);
        api.MapDelete("/", EraseAsync);
        return app;
    }

    public static async Task<Ok<ContactExport>> ExportAsync(string businessId, string contact, AdminCaller caller, PrivacyService privacy, AuditLog audit)
    {
        var export = await privacy.ExportAsync(businessId, contact);
        await audit.WriteAsync(caller, "privacy.export", businessId, ContactTag(businessId, contact), $"{export.Conversations.Count} conversations");
        return TypedResults.Ok(export);
    }

    public static async Task<Ok<ErasureResult>> EraseAsync(string businessId, string contact, AdminCaller caller, PrivacyService privacy, AuditLog audit)
    {
        var erased = await privacy.EraseAsync(businessId, contact);
        await audit.WriteAsync(caller, "privacy.erase", businessId, ContactTag(businessId, contact), $"{erased} conversations");
        return TypedResults.Ok(new ErasureResult(businessId, erased));
    }

    /// <summary>The audit names the contact by a keyed hash: enough to match a later request, not to recover the number.</summary>
    public static string ContactTag(string businessId, string contact) =>
        "contact:" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(businessId), Encoding.UTF8.GetBytes(contact)))[..16];
}
