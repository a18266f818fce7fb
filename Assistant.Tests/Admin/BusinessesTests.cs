using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Admin.Models;
using Assistant.Admin.Services;
using Assistant.Core.Businesses;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class BusinessesTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_owner_creates_a_business_uploads_knowledge_sets_replies_and_round_trips_the_pack()
    {
        using var owner = await fixture.OwnerAsync();
        var id = "studio-" + Guid.NewGuid().ToString("N")[..8];
        var profile = AdminFixture.Profile(id, "3" + Random.Shared.Next(10_000_000, 99_999_999)) with
        {
            ReEngagementTemplate = new ReEngagementTemplate { Name = "ci_risentiamo", Language = "it", BodyParameters = ["Studio"] },
        };
        using var created = await owner.PostAsJsonAsync("/api/businesses", profile).Within();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync("/api/businesses", profile).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/businesses", profile with { Id = "Not Valid" }).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync($"/api/businesses/{id}", profile with { ReEngagementTemplate = new ReEngagementTemplate { Name = "ci_risentiamo" } }).Within()).StatusCode);

        using var upload = await owner.PutAsync($"/api/businesses/{id}/knowledge/orari.md",
            new StringContent("# Orari\n\nAperti dal lunedì al venerdì, 9-18.\n", System.Text.Encoding.UTF8, "text/markdown")).Within();
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        KnowledgeStatus? status = null;
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (status?.State != KnowledgeStatus.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            status = await owner.GetFromJsonAsync<KnowledgeStatus>($"/api/businesses/{id}/knowledge/status").Within();
        }
        Assert.Equal(KnowledgeStatus.Done, status!.State);
        Assert.True(status.PassagesTotal > 0);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsJsonAsync($"/api/businesses/{id}/intents/responses/opening_hours/it", new ResponseText("Siamo aperti 9-18.")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync($"/api/businesses/{id}/intents/responses/not_an_intent/it", new ResponseText("x")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/businesses/{id}/intents/examples", new[] { new LabelledExample("a che ora aprite?", "opening_hours") }).Within()).StatusCode);
        var replies = await fixture.Service<BusinessCustomizationStore>().GetResponsesAsync(id).Within();
        Assert.Equal("Siamo aperti 9-18.", replies["opening_hours"]["it"]);

        var zip = await owner.GetByteArrayAsync($"/api/businesses/{id}/export").Within();
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.Equal(["business.json", "intents.jsonl", "knowledge/orari.md", "responses.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }
        var exported = BusinessPackArchive.Read(new MemoryStream(zip), 10_000_000).Profile.ReEngagementTemplate;
        Assert.Equal(("ci_risentiamo", "it"), (exported?.Name, exported?.Language));
        Assert.Equal(["Studio"], exported!.BodyParameters);

        // Import the same pack as a new business (another id and number).
        var copyId = id + "-copy";
        var copy = Rewrite(zip, profile with { Id = copyId, PhoneNumberId = profile.PhoneNumberId + "9" });
        using var content = new ByteArrayContent(copy);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var imported = await owner.PostAsync("/api/businesses/import", content).Within();
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = (await imported.Content.ReadFromJsonAsync<ImportResult>().Within())!;
        Assert.True(result.Created);
        Assert.Equal("ci_risentiamo", result.Business.ReEngagementTemplate?.Name);
        Assert.Equal(["Studio"], (await fixture.Service<BusinessDirectory>().GetAsync(copyId).Within())!.ReEngagementTemplate!.BodyParameters);
        Assert.Equal(1, result.KnowledgeFiles);
        Assert.Equal("# Orari\n\nAperti dal lunedì al venerdì, 9-18.\n", (await fixture.Service<KnowledgeFileStore>().GetAsync(copyId, "orari.md").Within())!.Content);

        // An agent cannot import or export.
        using var agent = await fixture.AgentAAsync();
        using var agentContent = new ByteArrayContent(copy);
        agentContent.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/businesses/import", agentContent).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/businesses/{AdminFixture.BusinessA}/export").Within()).StatusCode);
    }

    private static byte[] Rewrite(byte[] zip, BusinessProfile profile)
    {
        using var buffer = new MemoryStream();
        buffer.Write(zip);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("business.json")!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("business.json").Open());
            writer.Write(System.Text.Json.JsonSerializer.Serialize(profile, Assistant.Core.Conversations.ConversationJson.Options));
        }
        return buffer.ToArray();
    }
}
