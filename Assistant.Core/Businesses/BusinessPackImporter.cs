using Assistant.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Core.Businesses;

/// <summary>
/// At start, upserts the profile of every pack under <c>Assistant:PacksPath</c> into the
/// <see cref="BusinessDirectory"/> (profiles only; knowledge is imported elsewhere). It runs before
/// the server takes traffic, so a pack's number routes from the first request. If Redis is not
/// reachable yet, it keeps trying in the background instead of stopping the service.
/// </summary>
public sealed partial class BusinessPackImporter(
    BusinessDirectory directory,
    IOptions<AssistantOptions> options,
    ILogger<BusinessPackImporter> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly BusinessDirectory _directory = directory;
    private readonly IOptions<AssistantOptions> _options = options;
    private readonly ILogger<BusinessPackImporter> _logger = logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _retry = Task.CompletedTask;
    private volatile bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var packsPath = _options.Value.PacksPath;
        if (string.IsNullOrWhiteSpace(packsPath))
        {
            return;
        }

        // A broken pack is a configuration error: fail the start, loudly.
        var packs = BusinessPackLoader.LoadAll(packsPath);
        var profiles = packs.Select(p => p.Profile).ToList();
        try
        {
            await ImportAsync(profiles);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogRedisUnavailable(ex);
            _retry = RetryAsync(profiles, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            // A host that is torn down after a failed stop may call StopAsync again after Dispose.
            return;
        }
        await _stopping.CancelAsync();
        await _retry.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task ImportAsync(IReadOnlyList<BusinessProfile> profiles)
    {
        foreach (var profile in profiles)
        {
            await _directory.UpsertAsync(profile);
            LogImported(profile.Id, profile.PhoneNumberId);
        }
    }

    private async Task RetryAsync(IReadOnlyList<BusinessProfile> profiles, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryDelay, cancellationToken);
                await ImportAsync(profiles);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogRedisUnavailable(ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported business {BusinessId} (phone_number_id {PhoneNumberId})")]
    private partial void LogImported(string businessId, string phoneNumberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable; business packs will be imported when it is")]
    private partial void LogRedisUnavailable(Exception ex);
}
