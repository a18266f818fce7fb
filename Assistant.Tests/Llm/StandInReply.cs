namespace Assistant.Tests.Llm;

/// <summary>One scripted reply of a loopback LLM stand-in.</summary>
public sealed record StandInReply
{
    public StandInReplyKind Kind { get; private init; }

    public string Text { get; private init; } = string.Empty;

    public int StatusCode { get; private init; } = 200;

    public int? RetryAfterSeconds { get; private init; }

    public static StandInReply Answer(string text) => new() { Kind = StandInReplyKind.Answer, Text = text };

    public static StandInReply Status(int statusCode, int? retryAfterSeconds = null) =>
        new() { Kind = StandInReplyKind.Status, StatusCode = statusCode, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Never answers (until the client gives up).</summary>
    public static StandInReply Hang() => new() { Kind = StandInReplyKind.Hang };

    /// <summary>HTTP 200 with a body that is not the protocol's JSON.</summary>
    public static StandInReply Malformed() => new() { Kind = StandInReplyKind.Malformed };

    /// <summary>HTTP 200, well-formed, with an empty message.</summary>
    public static StandInReply Empty() => new() { Kind = StandInReplyKind.Answer, Text = string.Empty };
}
