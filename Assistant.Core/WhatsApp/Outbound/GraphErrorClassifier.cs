namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Maps Cloud API errors to what the sender does about them, and to a hint an operator can act on.</summary>
public static class GraphErrorClassifier
{
    public const int ReEngagementRequired = 131047;

    // Throttling (130429 throughput, 131056 pair rate, 4/80007 app and account call limits),
    // 131057 account in maintenance, 131000/131016/1/2 Meta-side transient failures.
    private static readonly HashSet<int> RetryableCodes = [130429, 131056, 131057, 131000, 131016, 1, 2, 4, 80007];

    public static SendFailureKind Classify(GraphSendResult result)
    {
        if (result.IsSuccess)
        {
            return SendFailureKind.None;
        }

        if (result.Transport != GraphTransportFailure.None)
        {
            return SendFailureKind.Retryable;
        }

        if (result.Error is { } error)
        {
            var byCode = Classify(error.Code);
            if (byCode != SendFailureKind.Permanent)
            {
                return byCode;
            }
        }

        // An unexplained 5xx or a bare 429 is Meta's side: worth another try.
        return result.HttpStatus is >= 500 or 429 ? SendFailureKind.Retryable : SendFailureKind.Permanent;
    }

    /// <summary>For an error code alone (status webhooks carry codes, not HTTP statuses).</summary>
    public static SendFailureKind Classify(int code) =>
        code == ReEngagementRequired ? SendFailureKind.OutsideWindow
        : RetryableCodes.Contains(code) ? SendFailureKind.Retryable
        : SendFailureKind.Permanent;

    /// <summary>What an operator should do about a failure code (Graph code, <c>http_NNN</c>, <c>timeout</c>, ...).</summary>
    public static string Advice(string failureCode) => failureCode switch
    {
        "190" => "the access token is invalid or expired: renew WhatsApp__AccessToken (a system-user token does not expire)",
        "131026" => "the recipient cannot receive this message (not on WhatsApp, old app, or has not accepted the new terms): reach them another way",
        "131051" => "unsupported message type: check the kind and content the assistant produced",
        "131031" => "the WhatsApp Business Account is locked: check Business Support Home in Meta Business Manager",
        "131047" => "more than 24 hours since the customer last wrote: set the business's re-engagement template (reEngagementTemplate in its business.json, or Outbound:ReEngagementTemplates)",
        "131056" or "130429" => "throttled by Meta: lower Outbound:NumberMessagesPerSecond or Outbound:PairBurst",
        "131057" => "the business account is in maintenance: it resolves on Meta's side",
        "100" => "invalid parameter: the request does not match the Cloud API, see error details",
        "10" or "200" => "the token lacks whatsapp_business_messaging permission for this phone number",
        "133010" => "the phone number is not registered with the Cloud API: register it",
        "timeout" or "network" => "the Graph API did not answer: check connectivity to WhatsApp__GraphApiBaseUrl",
        _ when failureCode.StartsWith("132", StringComparison.Ordinal) => "the template does not match what Meta approved (name, language, parameters, or paused): check it in WhatsApp Manager",
        _ when failureCode.StartsWith("http_5", StringComparison.Ordinal) => "Meta answered a server error: retried, check Meta's status page if it persists",
        _ => "see the Cloud API error codes reference for this code",
    };
}
