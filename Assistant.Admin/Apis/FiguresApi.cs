using Assistant.Admin.Services;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>Figures per business and period (docs/figures.md).</summary>
public static class FiguresApi
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/figures").WithTags("Figures").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/", GetAsync);
        return app;
    }

    /// <summary>[from, to); the last 30 days by default.</summary>
    public static async Task<Results<Ok<BusinessFigures>, ProblemHttpResult>> GetAsync(
        string businessId, FiguresCalculator figures, TimeProvider time, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        if (start >= end || end - start > TimeSpan.FromDays(400))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "from must be before to, at most 400 days apart.");
        }
        return TypedResults.Ok(await figures.ComputeAsync(businessId, start, end));
    }
}
