using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class AccessTests(AdminFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/businesses")]
    [InlineData("GET", "/api/auth/me")]
    [InlineData("GET", "/api/businesses/studio-a/conversations")]
    [InlineData("POST", "/api/businesses/studio-a/conversations/studio-a:1/takeover")]
    [InlineData("GET", "/api/businesses/studio-a/events")]
    [InlineData("GET", "/api/audit")]
    [InlineData("GET", "/api/no-such-route")]
    [InlineData("GET", "/api/auth/login")]
    public async Task Anonymous_api_calls_get_401_and_never_a_redirect(string method, string path)
    {
        using var client = fixture.Anonymous();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).Within();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Health_openapi_and_console_page_are_served()
    {
        using var client = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive").Within()).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json").Within();
        Assert.Contains("/api/businesses/{businessId}/conversations/{key}/takeover", openApi, StringComparison.Ordinal);
        // The console's pages send an anonymous visitor to sign in (only /api/ must never redirect).
        var console = await client.GetAsync("/").Within();
        Assert.Equal(HttpStatusCode.Found, console.StatusCode);
        Assert.Contains("/signin", console.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_first_owner_signs_in()
    {
        using var client = fixture.Anonymous();
        using var wrong = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(AdminTestHost.OwnerEmail, "not-the-password")).Within();
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var owner = await fixture.OwnerAsync();
        var me = await owner.GetFromJsonAsync<MeResponse>("/api/auth/me").Within();
        Assert.True(me!.AllBusinesses);
        var businesses = await owner.GetFromJsonAsync<List<BusinessListItem>>("/api/businesses").Within();
        Assert.Contains(businesses!, b => b.Business.Id == AdminFixture.BusinessA);
        Assert.Contains(businesses!, b => b.Business.Id == AdminFixture.BusinessB);

        using var logout = await owner.PostAsync("/api/auth/logout", null).Within();
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/auth/me").Within()).StatusCode);
    }

    [Fact]
    public async Task An_agent_of_business_A_never_sees_business_B()
    {
        var theirs = await fixture.ConversationAsync(AdminFixture.BusinessB);
        var ours = await fixture.ConversationAsync(AdminFixture.BusinessA);
        using var agent = await fixture.AgentAAsync();

        var businesses = await agent.GetFromJsonAsync<List<BusinessListItem>>("/api/businesses").Within();
        Assert.Equal([AdminFixture.BusinessA], businesses!.Select(b => b.Business.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessB}/conversations").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessB}/conversations/{Uri.EscapeDataString(theirs.Key)}").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessB}/drafts").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessB}/events").Within()).StatusCode);
        // Through its own business's route with the other business's key: still nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessA}/conversations/{Uri.EscapeDataString(theirs.Key)}").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsync($"/api/businesses/{AdminFixture.BusinessA}/conversations/{Uri.EscapeDataString(theirs.Key)}/takeover", null).Within()).StatusCode);

        var list = await agent.GetFromJsonAsync<List<Core.Conversations.ConversationRecord>>($"/api/businesses/{AdminFixture.BusinessA}/conversations?take=500").Within();
        Assert.Contains(list!, c => c.Key == ours.Key);
        Assert.DoesNotContain(list!, c => c.BusinessId != AdminFixture.BusinessA);

        // An agent is not an owner: no editing, no audit, no privacy requests.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/businesses/{AdminFixture.BusinessA}", AdminFixture.Profile(AdminFixture.BusinessA, "100001")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/audit").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessA}/contacts/{ours.Contact.WaId}/export").Within()).StatusCode);
    }

    [Fact]
    public async Task An_owner_creates_users_and_api_keys_and_the_audit_log_records_who_did_what()
    {
        using var owner = await fixture.OwnerAsync();
        var email = $"agent.{Guid.NewGuid():N}@example.com";
        using var created = await owner.PostAsJsonAsync("/api/users", new CreateUserRequest(email, "Nuovo Agente", "password-123",
            new Dictionary<string, Assistant.Admin.Security.BusinessRole> { [AdminFixture.BusinessB] = Assistant.Admin.Security.BusinessRole.Agent })).Within();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var newAgent = await fixture.SignInAsync(email, "password-123");
        var visible = await newAgent.GetFromJsonAsync<List<BusinessListItem>>("/api/businesses").Within();
        Assert.Equal([AdminFixture.BusinessB], visible!.Select(b => b.Business.Id));
        // An agent cannot mint keys.
        Assert.Equal(HttpStatusCode.Forbidden, (await newAgent.PostAsJsonAsync("/api/apikeys", new CreateApiKeyRequest("mine")).Within()).StatusCode);

        using var keyResponse = await owner.PostAsJsonAsync("/api/apikeys", new CreateApiKeyRequest("crm sync")).Within();
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        var key = (await keyResponse.Content.ReadFromJsonAsync<CreatedApiKey>().Within())!;

        using var automation = fixture.Anonymous();
        automation.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/businesses").Within()).StatusCode);
        using var forged = fixture.Anonymous();
        forged.DefaultRequestHeaders.Add("X-Api-Key", key.Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/businesses").Within()).StatusCode);

        // The key is stored only as a hash.
        var keys = await fixture.Db.ExecuteAsync("KEYS", "admin:apikey:*").Within();
        Assert.DoesNotContain(((StackExchange.Redis.RedisResult[])keys!).Select(k => k.ToString()), k => k.Contains(key.Key, StringComparison.Ordinal));

        using var revoke = await owner.DeleteAsync($"/api/apikeys/{key.Record.Id}").Within();
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/businesses").Within()).StatusCode);

        var audit = await owner.GetFromJsonAsync<List<AuditEntry>>("/api/audit?take=200").Within();
        Assert.Contains(audit!, e => e.Action == "user.create" && e.Target == email && e.Actor == AdminTestHost.OwnerEmail);
        Assert.Contains(audit!, e => e.Action == "apikey.create" && e.Target == key.Record.Id);
        Assert.Contains(audit!, e => e.Action == "apikey.delete" && e.Target == key.Record.Id);
    }
}
