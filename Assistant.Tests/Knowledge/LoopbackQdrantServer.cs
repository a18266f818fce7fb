using System.Net;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// A Qdrant stand-in on 127.0.0.1: Kestrel speaking gRPC over cleartext HTTP/2, as Qdrant does on
/// port 6334, so the real <see cref="QdrantClient"/> (channel, serialisation, status codes) runs
/// unchanged against it.
/// </summary>
public sealed class LoopbackQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackQdrantServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public QdrantStandInState State => _app.Services.GetRequiredService<QdrantStandInState>();

    public static async Task<LoopbackQdrantServer> StartNewAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<QdrantStandInState>();
        var app = builder.Build();
        app.MapGrpcService<QdrantPointsStandIn>();
        app.MapGrpcService<QdrantCollectionsStandIn>();
        await app.StartAsync().Within(TestTimeouts.Startup);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackQdrantServer(app, new Uri(address));
    }

    /// <summary>A real client pointed at the stand-in.</summary>
    public QdrantClient CreateClient() => new(Address);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Within();
        await _app.DisposeAsync().AsTask().Within();
    }
}
