namespace Assistant.Admin.Components.Review;

public enum DraftDecisionKind
{
    Approve,
    Edit,
    Reject,
}
