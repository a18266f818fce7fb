namespace Assistant.Core.Llm;

public static class LlmFailureReasonExtensions
{
    /// <summary>Stable snake_case name for metric tags, the admin and exception messages.</summary>
    public static string ToTag(this LlmFailureReason reason) => reason switch
    {
        LlmFailureReason.ServerError => "server_error",
        LlmFailureReason.RateLimited => "rate_limited",
        LlmFailureReason.ClientError => "client_error",
        LlmFailureReason.Timeout => "timeout",
        LlmFailureReason.EmptyReply => "empty_reply",
        LlmFailureReason.MalformedReply => "malformed_reply",
        LlmFailureReason.CoolingDown => "cooling_down",
        _ => "error",
    };
}
