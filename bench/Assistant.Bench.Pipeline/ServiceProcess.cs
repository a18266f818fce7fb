using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// One service (webhook or worker) run standalone from its Release build, as in a container: the
/// environment of this process plus its own overrides, output to a log file. Its pid goes to
/// <c>{work}/pids</c> so that bench/pipeline.sh stops it even if this process dies first.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(string name, Process process, Uri baseUrl, string logPath)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    public static async Task<ServiceProcess> StartAsync(string name, string dll, string workDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var logPath = Path.GetFullPath(Path.Combine(workDirectory, name + ".log"));
        dll = Path.GetFullPath(dll);
        // exec: the shell becomes dotnet, so the recorded pid is the service's own.
        // Working directory = the build output, like a container's WORKDIR: the content root, so the
        // service's appsettings.json applies (from elsewhere it would silently be missing).
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec dotnet \"$0\" >\"$1\" 2>&1", dll, logPath])
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll),
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        await File.AppendAllTextAsync(Path.Combine(workDirectory, "pids"), process.Id.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        var service = new ServiceProcess(name, process, baseUrl, logPath);
        await service.WaitHealthyAsync(TimeSpan.FromMinutes(4));
        return service;
    }

    /// <summary>SIGTERM (the host drains its handlers), then SIGKILL if it has not exited in 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string LogTail(int lines) =>
        File.Exists(LogPath) ? string.Join(Environment.NewLine, File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:{Environment.NewLine}{LogTail(40)}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} not healthy after {limit}:{Environment.NewLine}{LogTail(40)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
