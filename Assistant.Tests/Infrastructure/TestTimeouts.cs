namespace Assistant.Tests.Infrastructure;

/// <summary>Every await in a test has a timeout: a hang fails with a message instead of stalling CI.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    public static Task<T> Within<T>(this ValueTask<T> task, TimeSpan? timeout = null) => task.AsTask().WaitAsync(timeout ?? Default);
}
