using Assistant.Admin.Audit;
using Assistant.Core.Businesses;
using Microsoft.AspNetCore.Components;

namespace Assistant.Admin.Components.Support;

/// <summary>
/// A console page under <c>/b/{BusinessId}</c>: checks the user may see the business (one they
/// may not see looks exactly like one that does not exist, as in the API) and loads its profile.
/// </summary>
public abstract class BusinessPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private string? _loadedFor;

    [Parameter]
    public string BusinessId { get; set; } = "";

    [Inject]
    protected ConsoleSession Session { get; set; } = default!;

    [Inject]
    protected BusinessDirectory Directory { get; set; } = default!;

    [Inject]
    protected AuditLog Audit { get; set; } = default!;

    protected BusinessProfile? Business { get; private set; }

    protected bool Loaded { get; private set; }

    protected ConsoleText T => Session.Text;

    protected bool IsOwner => Session.IsOwnerOf(BusinessId);

    /// <summary>Cancelled when the page goes away: background loops and polls stop with it.</summary>
    protected CancellationToken PageClosed => _disposed.Token;

    protected override async Task OnParametersSetAsync()
    {
        await Session.RefreshAsync();
        Business = Session.Find(BusinessId) is null ? null : await Directory.GetAsync(BusinessId);
        Loaded = true;
        if (Business is not null)
        {
            var first = _loadedFor != BusinessId;
            _loadedFor = BusinessId;
            await OnBusinessReadyAsync(first);
        }
    }

    /// <summary>Called on every parameter change once the business is known; <paramref name="businessChanged"/> on the first and after a switch.</summary>
    protected virtual Task OnBusinessReadyAsync(bool businessChanged) => Task.CompletedTask;

    protected Task AuditAsync(string action, string? target = null, string? detail = null) =>
        Session.Caller is { } caller ? Audit.WriteAsync(caller, action, BusinessId, target, detail) : Task.CompletedTask;

    protected async Task ReloadBusinessAsync() => Business = await Directory.GetAsync(BusinessId);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
