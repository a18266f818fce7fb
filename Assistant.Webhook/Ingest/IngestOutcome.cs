namespace Assistant.Webhook.Ingest;

/// <summary>What <c>POST /webhook</c> answered, as a metric tag and a status code.</summary>
public enum IngestOutcome
{
    /// <summary>200: events queued (or all duplicates, or routed to the unrouted stream).</summary>
    Accepted,

    /// <summary>200: an object other than whatsapp_business_account, or only fields we do not act on.</summary>
    Ignored,

    /// <summary>401: signature missing or wrong; nothing queued.</summary>
    Unauthorized,

    /// <summary>400: not JSON, or not a webhook.</summary>
    BadRequest,

    /// <summary>413: body over the limit.</summary>
    TooLarge,

    /// <summary>503: Redis down or slow; Meta retries.</summary>
    Unavailable,
}
