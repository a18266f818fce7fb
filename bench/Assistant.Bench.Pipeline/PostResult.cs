namespace Assistant.Bench.Pipeline;

/// <summary>One webhook POST: Stopwatch timestamps of its start and of the answer; <see cref="Error"/> null on 200.</summary>
public sealed record PostResult(int N, long Started, long Answered, string? Error);
