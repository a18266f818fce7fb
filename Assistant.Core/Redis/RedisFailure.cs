using StackExchange.Redis;

namespace Assistant.Core.Redis;

/// <summary>
/// What an outage of Redis looks like to StackExchange.Redis. A timeout is not a
/// <see cref="RedisException"/> (<see cref="RedisTimeoutException"/> derives from
/// <see cref="TimeoutException"/>): a loop that waits out an outage must catch both, or the first
/// command that times out in the reconnect backlog ends it, and with it the host.
/// </summary>
public static class RedisFailure
{
    public static bool IsTransient(Exception exception) => exception is RedisException or RedisTimeoutException;
}
