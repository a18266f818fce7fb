using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>
/// A nudge that a stream has new entries. Producers PUBLISH it beside their XADD (in the same
/// script or transaction); a <see cref="RedisStreamConsumer"/> subscribes and reads at once instead
/// of at its next poll, so a quiet business's first message waits for nobody. Pub/sub is at most
/// once (a consumer reconnecting misses the nudge), so consumers still poll, only less often.
/// </summary>
public static class StreamWakeup
{
    /// <summary>What the channel's name adds to the stream's; Lua scripts that publish themselves append it too.</summary>
    public const string ChannelSuffix = ":wake";

    public static string ChannelName(string stream) => stream + ChannelSuffix;

    public static RedisChannel Channel(string stream) => RedisChannel.Literal(ChannelName(stream));

    /// <summary>Queues the nudge in a transaction or batch, so it goes with the XADD in the same round trip.</summary>
    public static Task<long> PublishWakeupAsync(this IDatabaseAsync database, string stream) =>
        database.PublishAsync(Channel(stream), RedisValue.EmptyString);

    /// <summary>XADD and the nudge in one round trip; returns the entry's id.</summary>
    public static async Task<RedisValue> AddAndWakeAsync(this IDatabase database, string stream, NameValueEntry[] fields)
    {
        var batch = database.CreateBatch();
        var add = batch.StreamAddAsync(stream, fields);
        var wake = batch.PublishWakeupAsync(stream);
        batch.Execute();
        await Task.WhenAll(add, wake);
        return await add;
    }
}
