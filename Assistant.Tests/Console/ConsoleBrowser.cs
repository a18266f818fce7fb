using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assistant.Tests.Console;

/// <summary>
/// The system's Chromium driven by Playwright against the running graph's admin. Playwright's own
/// browser download is never used: the tests launch /usr/bin/chromium (scripts/test.sh installs it).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string BusinessId = "studio-dentistico-aurora";
    public const string OwnerEmail = "owner@localhost";

    /// <summary>Playwright's per-action wait: a page of the console answers well within it.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(20);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ConsoleBrowser> StartAsync(AssistantGraphFixture graph)
    {
        var baseAddress = graph.CreateClient("admin").BaseAddress!;
        var playwright = await Playwright.CreateAsync().Within(TestTimeouts.Startup);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--no-first-run"],
            Timeout = (float)TestTimeouts.Startup.TotalMilliseconds,
        }).Within(TestTimeouts.Startup);
        return new ConsoleBrowser(playwright, browser, baseAddress);
    }

    /// <summary>A new browser context (its own cookies) with a page of the given size: desktop by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "it-IT",
        }).Within();
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        return await context.NewPageAsync().Within();
    }

    /// <summary>Opens <paramref name="path"/>, signs in on the page it redirects to, and waits to be back there.</summary>
    public static async Task SignInAsync(IPage page, string path, string email = OwnerEmail, string password = AppHostArguments.OwnerPassword)
    {
        await page.GotoAsync(path).Within(ActionTimeout);
        await page.WaitForURLAsync("**/signin**").Within(ActionTimeout);
        await page.Locator("#email").FillAsync(email).Within(ActionTimeout);
        await page.Locator("#password").FillAsync(password).Within(ActionTimeout);
        await page.Locator("form button[type=submit]").ClickAsync().Within(ActionTimeout);
        // Back on the page once the redirect commits; its load event is not waited for (a slow static
        // file under a loaded CI machine held it past the timeout once): the connected marker is what counts.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit }).Within(ActionTimeout);
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>Opens a console page and waits until it runs interactively.</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path).Within(ActionTimeout);
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>
    /// The console's pages are prerendered, then connected: a file chosen, an option selected or a
    /// button clicked before the connection is lost. Waits for the layout's marker of the connected page.
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(IPage page) =>
        await page.Locator(".shell[data-interactive=true]").WaitForAsync().Within(ActionTimeout);

    public static string PagePath(string section) => $"/b/{BusinessId}/{section}";

    /// <summary>
    /// Every run takes the screenshot (so a page that fails to render fails here); with
    /// <c>ASSISTANT_UPDATE_SCREENSHOTS=1</c> it replaces the README's copy under docs/images.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("ASSISTANT_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(AppHostArguments.RepositoryRoot, "docs", "images")
            : Path.Combine(Path.GetTempPath(), "assistant-console-screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"console-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false }).Within(ActionTimeout);
        Assert.True(new FileInfo(file).Length > 1000, $"The screenshot {file} is empty.");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync().Within();
        _playwright.Dispose();
    }
}
