using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

/// <summary>
/// A test Redis and the admin app in front of it, with two businesses (A and B), the first owner
/// and one agent per business. Tests use their own conversation keys, so they share the fixture.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string BusinessA = "studio-a";
    public const string BusinessB = "studio-b";
    public const string AgentAEmail = "agent.a@example.com";
    public const string AgentBEmail = "agent.b@example.com";
    public const string AgentPassword = "agent-password-1";
    public const string AgentAName = "Marta Rossi";

    private RedisServer? _redis;
    private AdminTestHost? _host;

    public AdminTestHost Host => _host ?? throw new InvalidOperationException("Fixture not started.");

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("Fixture not started.");

    public IDatabase Db => Redis.Database;

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        _host = new AdminTestHost(_redis.ConnectionString);
        await Task.Run(() => _host.CreateClient()).Within(TestTimeouts.Startup);

        var directory = Service<BusinessDirectory>();
        await directory.UpsertAsync(Profile(BusinessA, "100001")).Within();
        await directory.UpsertAsync(Profile(BusinessB, "100002")).Within();
        var users = Service<UserStore>();
        await users.CreateAsync(AgentAEmail, AgentAName, AgentPassword, false, new Dictionary<string, BusinessRole> { [BusinessA] = BusinessRole.Agent }).Within();
        await users.CreateAsync(AgentBEmail, "Bruno Bianchi", AgentPassword, false, new Dictionary<string, BusinessRole> { [BusinessB] = BusinessRole.Agent }).Within();
    }

    public static BusinessProfile Profile(string id, string phoneNumberId) => new()
    {
        Id = id,
        Name = "Studio " + id,
        PhoneNumberId = phoneNumberId,
        Timezone = "Europe/Rome",
        Languages = ["it", "en"],
    };

    public HttpClient Anonymous() => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in with the cookie, as the console would be.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password)).Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public Task<HttpClient> OwnerAsync() => SignInAsync(AdminTestHost.OwnerEmail, AdminTestHost.OwnerPassword);

    public Task<HttpClient> AgentAAsync() => SignInAsync(AgentAEmail, AgentPassword);

    /// <summary>A new conversation of <paramref name="businessId"/> with one customer line.</summary>
    public async Task<ConversationRecord> ConversationAsync(string businessId, string? phone = null, string text = "Buongiorno, siete aperti sabato?")
    {
        phone ??= "39" + Random.Shared.NextInt64(300_000_0000, 399_999_9999);
        var key = $"{businessId}:{phone}";
        var store = Service<ConversationStore>();
        var conversation = await store.GetOrCreateAsync(businessId, key, new ContactInfo(phone, null, "Anna")).Within();
        var now = DateTimeOffset.UtcNow;
        await store.AppendAsync(new ConversationMessage
        {
            Id = "in.wamid." + Guid.NewGuid().ToString("N"),
            ConversationKey = key,
            Author = MessageAuthor.Customer,
            Text = text,
            At = now,
            ReceivedAt = now,
            Wamid = "wamid." + Guid.NewGuid().ToString("N"),
        }, businessId).Within();
        return conversation;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
