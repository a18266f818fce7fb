using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with its own temporary data folder, for
/// tests that need Redis without the whole AppHost graph. Dispose stops it and deletes the folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private RedisServer(Process process, string dataDirectory, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis connection string, as CONTRACTS.md's <c>ConnectionStrings__redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public ConnectionMultiplexer Connection { get; }

    public IDatabase Database => Connection.GetDatabase();

    public static async Task<RedisServer> StartAsync(int? port = null, string? dataDirectory = null)
    {
        var actualPort = port ?? FreePort();
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("assistant-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", actualPort.ToString(), "--bind", "127.0.0.1", "--daemonize", "no", "--dir", directory, "--appendonly", "yes", "--save", "" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it with: apt-get install -y redis-server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{actualPort},abortConnect=true,connectTimeout=500");
                return new RedisServer(process, directory, actualPort, connection);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server (as a crash or an outage would) but keeps its data folder, so it can be started again.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Starts a new server on the same port and data folder as this one.</summary>
    public Task<RedisServer> RestartAsync() => StartAsync(Port, _dataDirectory);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A restarted server may still own the folder; the OS temp cleaner takes it.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
