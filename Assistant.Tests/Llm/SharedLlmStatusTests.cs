using Assistant.Core.Llm;
using Assistant.Tests.Infrastructure;
using Assistant.Worker.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Llm;

public sealed class SharedLlmStatusTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task The_worker_board_reaches_the_admin_through_redis()
    {
        var board = LlmProviderStatusBoard.For(new LlmOptions
        {
            Providers = [new LlmProviderOptions { Name = "groq", Kind = "openai", Endpoint = "https://api.groq.com/openai/v1", Model = "llama-3.3-70b-versatile" }],
        });
        var at = DateTimeOffset.UtcNow;
        board.RecordSuccess("groq", at, TimeSpan.FromMilliseconds(420));
        using var publisher = new LlmStatusPublisher(board, redis.Server.Connection, NullLogger<LlmStatusPublisher>.Instance);

        await publisher.StartAsync(CancellationToken.None).Within();
        IReadOnlyList<LlmProviderStatus> shared = [];
        for (var i = 0; i < 50 && shared.Count == 0; i++)
        {
            await Task.Delay(100);
            shared = await SharedLlmStatus.ReadAsync(redis.Server.Database).Within();
        }
        await publisher.StopAsync(CancellationToken.None).Within();

        var groq = Assert.Single(shared);
        Assert.Equal("groq", groq.Name);
        Assert.Equal(at, groq.LastSuccessAt);
        Assert.Equal(1, groq.TotalCalls);
    }
}
