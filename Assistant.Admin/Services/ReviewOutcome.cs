namespace Assistant.Admin.Services;

/// <summary>What a review action did: <see cref="NotFound"/>, <see cref="AlreadyReviewed"/> (someone else was first) or done.</summary>
public enum ReviewOutcome
{
    Done,
    NotFound,
    AlreadyReviewed,
}
