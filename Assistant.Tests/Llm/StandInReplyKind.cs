namespace Assistant.Tests.Llm;

public enum StandInReplyKind
{
    Answer,
    Status,
    Hang,
    Malformed,
}
