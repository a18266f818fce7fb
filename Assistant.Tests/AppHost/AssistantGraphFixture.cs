using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.AppHost;

/// <summary>
/// The whole assistant graph (local mode: redis-server process, webhook, worker, admin), started
/// once for every test in <see cref="AssistantGraphCollection"/> and stopped at the end.
/// </summary>
public sealed class AssistantGraphFixture : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("assistant-graph-").FullName;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Graph not started.");

    public static readonly string[] Services = ["webhook", "worker", "admin"];

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.Assistant_AppHost>(AppHostArguments.For("local", _dataPath))
            .Within(TestTimeouts.Startup);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync().Within(TestTimeouts.Startup);
        await _app.StartAsync().Within(TestTimeouts.Startup);

        await _app.ResourceNotifications.WaitForResourceHealthyAsync("redis").Within(TestTimeouts.Startup);
        foreach (var service in Services)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service).Within(TestTimeouts.Startup);
        }
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().Within(TestTimeouts.Startup);
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // redis-server may still be closing its files; the temp cleaner takes the rest.
        }
    }
}
