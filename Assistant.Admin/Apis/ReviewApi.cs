using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Assistant.Core.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>The review queue: drafts below the confidence threshold, with question, draft and passages.</summary>
public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/drafts").WithTags("Review").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/", ListAsync);
        api.MapGet("/{draftId}", GetAsync);
        api.MapPost("/{draftId}/approve", ApproveAsync);
        api.MapPost("/{draftId}/edit", EditAsync);
        api.MapPost("/{draftId}/reject", RejectAsync);
        return app;
    }

    /// <summary>Pending (and escalated) drafts oldest first; <c>status=all</c> lists every draft newest first.</summary>
    public static async Task<Ok<IReadOnlyList<DraftRecord>>> ListAsync(string businessId, DraftStore drafts, string? status = null, int take = 100) =>
        TypedResults.Ok(status == "all"
            ? await drafts.ListAllAsync(businessId, Math.Clamp(take, 1, 1000))
            : await drafts.ListPendingAsync(businessId, Math.Clamp(take, 1, 1000)));

    public static async Task<Results<Ok<DraftRecord>, ProblemHttpResult>> GetAsync(string businessId, string draftId, DraftStore drafts) =>
        await drafts.GetAsync(draftId) is { } draft && draft.BusinessId == businessId
            ? TypedResults.Ok(draft)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such draft.");

    public static async Task<Results<Ok<DraftRecord>, ProblemHttpResult>> ApproveAsync(
        string businessId, string draftId, AdminCaller caller, ReviewService review, AuditLog audit, CancellationToken cancellationToken)
    {
        var (outcome, draft) = await review.ApproveAsync(businessId, draftId, caller, null, cancellationToken);
        return await AnswerAsync(outcome, draft, caller, audit, businessId, draftId, "draft.approve");
    }

    public static async Task<Results<Ok<DraftRecord>, ProblemHttpResult>> EditAsync(
        string businessId, string draftId, AgentText body, AdminCaller caller, ReviewService review, AuditLog audit, CancellationToken cancellationToken)
    {
        if (HandoffApi.Invalid(body.Text) is { } problem)
        {
            return problem;
        }
        var (outcome, draft) = await review.ApproveAsync(businessId, draftId, caller, body.Text, cancellationToken);
        return await AnswerAsync(outcome, draft, caller, audit, businessId, draftId, "draft.edit");
    }

    public static async Task<Results<Ok<DraftRecord>, ProblemHttpResult>> RejectAsync(
        string businessId, string draftId, RejectRequest body, AdminCaller caller, ReviewService review, AuditLog audit, CancellationToken cancellationToken)
    {
        if (body.Action is not (ReviewService.RejectHandOff or ReviewService.RejectReply))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "action is 'handoff' or 'reply'.");
        }
        if (body.Action == ReviewService.RejectReply && HandoffApi.Invalid(body.Text) is { } problem)
        {
            return problem;
        }
        var (outcome, draft) = await review.RejectAsync(businessId, draftId, caller, body.Action, body.Text, cancellationToken);
        return await AnswerAsync(outcome, draft, caller, audit, businessId, draftId, "draft.reject." + body.Action);
    }

    private static async Task<Results<Ok<DraftRecord>, ProblemHttpResult>> AnswerAsync(
        ReviewOutcome outcome, DraftRecord? draft, AdminCaller caller, AuditLog audit, string businessId, string draftId, string action)
    {
        switch (outcome)
        {
            case ReviewOutcome.Done:
                await audit.WriteAsync(caller, action, businessId, draftId);
                return TypedResults.Ok(draft!);
            case ReviewOutcome.AlreadyReviewed:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The draft was already reviewed.", detail: draft is null ? null : $"Status: {draft.Status}, by {draft.ReviewedBy}.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such draft.");
        }
    }
}
