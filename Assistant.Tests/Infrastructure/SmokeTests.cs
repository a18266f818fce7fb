namespace Assistant.Tests.Infrastructure;

public sealed class RedisServerTests
{
    [Fact]
    public async Task Starts_answers_and_keeps_appendonly_data_across_a_restart()
    {
        await using var first = await RedisServer.StartAsync();
        await first.Database.StringSetAsync("k", "v").Within();
        await first.StopAsync();

        await using var second = await first.RestartAsync().Within();
        Assert.Equal("v", (string?)await second.Database.StringGetAsync("k").Within());
    }
}
