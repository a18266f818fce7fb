using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Core.Conversations;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class PrivacyTests(AdminFixture fixture)
{
    [Fact]
    public async Task Export_then_erase_leaves_no_key_of_the_contact_in_Redis()
    {
        var phone = "39" + Random.Shared.NextInt64(300_000_0000, 399_999_9999);
        var conversation = await fixture.ConversationAsync(AdminFixture.BusinessB, phone, "Vorrei cancellare i miei dati");
        var other = await fixture.ConversationAsync(AdminFixture.BusinessB);
        var control = fixture.Service<ConversationControl>();

        // Everything a real thread leaves behind: an agent reply (outbound record and queue entry),
        // a hand-off, a draft, a sandbox delivery, the service window, an inbound stream entry.
        var line = await control.ReplyAsAgentAsync(conversation.Key, "Bruno", "Certo, procediamo.").Within();
        await control.HandOffAsync(conversation.Key, "customer_request").Within();
        await fixture.Service<DraftStore>().SaveAsync(new DraftRecord
        {
            Id = "draft." + Guid.NewGuid().ToString("N"),
            BusinessId = AdminFixture.BusinessB,
            ConversationKey = conversation.Key,
            Question = "Vorrei cancellare i miei dati",
            Text = "Può scriverci a privacy@studio.it",
            Confidence = 0.3,
            CreatedAt = DateTimeOffset.UtcNow,
        }).Within();
        var sandboxed = OutboundMessage.TextReply(AdminFixture.BusinessB, "100002", conversation.Key, phone, null, "Prova sandbox");
        await fixture.Service<SandboxOutbox>().RecordAsync(sandboxed).Within();
        await fixture.Service<CustomerServiceWindow>().RecordInboundAsync(AdminFixture.BusinessB, conversation.Key, DateTimeOffset.UtcNow).Within();
        await fixture.Db.StreamAddAsync(StreamNames.Inbound, [new NameValueEntry("event", $"{{\"from\":\"{phone}\"}}"), new NameValueEntry("conversation", conversation.Key)]).Within();
        Assert.True(await fixture.Db.KeyExistsAsync(OutboundRecordStore.Key(line!.OutboundId!)).Within());

        using var owner = await fixture.OwnerAsync();
        var export = await owner.GetFromJsonAsync<Assistant.Admin.Services.ContactExport>($"/api/businesses/{AdminFixture.BusinessB}/contacts/{phone}/export", ConversationJson.Options).Within();
        var exported = Assert.Single(export!.Conversations);
        Assert.Contains(exported.Messages, m => m.Text == "Vorrei cancellare i miei dati");
        Assert.Contains(exported.Messages, m => m.Text == "Certo, procediamo.");
        Assert.NotEmpty(exported.Handoffs);
        Assert.Single(exported.Drafts);
        Assert.Single(exported.SandboxDeliveries);
        Assert.Contains(exported.OutboundRecords, r => r.Id == line.OutboundId);

        using var erase = await owner.DeleteAsync($"/api/businesses/{AdminFixture.BusinessB}/contacts/{phone}").Within();
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, (await erase.Content.ReadFromJsonAsync<ErasureResult>().Within())!.ConversationsErased);

        var server = fixture.Redis.Connection.GetServer(fixture.Redis.Connection.GetEndPoints()[0]);
        var remaining = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*").WithCancellation(new CancellationTokenSource(TestTimeouts.Default).Token))
        {
            remaining.Add(key.ToString());
        }
        Assert.DoesNotContain(remaining, k => k.Contains(phone, StringComparison.Ordinal));
        Assert.DoesNotContain(OutboundRecordStore.Key(line.OutboundId!), remaining);
        Assert.DoesNotContain(OutboundRecordStore.Key(sandboxed.Id), remaining);
        Assert.DoesNotContain("sandbox:sent:" + sandboxed.Id, remaining);
        Assert.Contains(ConversationKeys.Conversation(other.Key), remaining);

        // No stream entry, set member or sorted set member mentions the contact either.
        foreach (var key in remaining)
        {
            var type = await fixture.Db.KeyTypeAsync(key).Within();
            var values = type switch
            {
                RedisType.Stream => (await fixture.Db.StreamRangeAsync(key).Within()).SelectMany(e => e.Values.Select(v => v.Value.ToString())),
                RedisType.Set => (await fixture.Db.SetMembersAsync(key).Within()).Select(v => v.ToString()),
                RedisType.SortedSet => (await fixture.Db.SortedSetRangeByRankAsync(key).Within()).Select(v => v.ToString()),
                RedisType.String when !key.StartsWith("optout:", StringComparison.Ordinal) => [(await fixture.Db.StringGetAsync(key).Within()).ToString()],
                _ => [],
            };
            Assert.DoesNotContain(values, v => v.Contains(phone, StringComparison.Ordinal));
        }

        var audit = await owner.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?businessId={AdminFixture.BusinessB}&take=500").Within();
        Assert.Contains(audit!, e => e.Action == "privacy.export");
        var erased = Assert.Single(audit!, e => e.Action == "privacy.erase" && e.Detail == "1 conversations");
        Assert.DoesNotContain(phone, erased.Target!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_deletes_conversations_idle_past_the_retention_period()
    {
        var old = await fixture.ConversationAsync(AdminFixture.BusinessB);
        var store = fixture.Service<ConversationStore>();
        await store.UpdateAsync(old.Key, c => c with { LastActivityAt = DateTimeOffset.UtcNow.AddDays(-400) }).Within();
        var recent = await fixture.ConversationAsync(AdminFixture.BusinessB);

        await fixture.Service<Assistant.Admin.Background.RetentionService>().SweepAsync(CancellationToken.None).Within();

        Assert.Null(await store.GetAsync(old.Key).Within());
        Assert.Empty(await store.GetMessagesAsync(old.Key).Within());
        Assert.NotNull(await store.GetAsync(recent.Key).Within());
    }
}
