using Assistant.Core.Businesses;

namespace Assistant.Tests.Inbound;

public sealed class BusinessPackLoaderTests : IDisposable
{
    private const string Required = """
        "id": "studio-test", "name": "Studio Test", "phoneNumberId": "100000000000009",
        "timezone": "Europe/Rome", "languages": ["it", "en"]
        """;

    private readonly DirectoryInfo _pack = Directory.CreateTempSubdirectory("assistant-pack-test-");

    [Fact]
    public void The_re_engagement_template_is_read_with_its_body_parameters()
    {
        var profile = Load($$"""{ {{Required}}, "reEngagementTemplate": { "name": "ci_risentiamo", "language": "en_US", "bodyParameters": ["Studio Test", "domani"] } }""");

        var template = profile.ReEngagementTemplate!;
        Assert.Equal("ci_risentiamo", template.Name);
        Assert.Equal("en_US", template.Language);
        Assert.Equal(["Studio Test", "domani"], template.BodyParameters);
    }

    [Fact]
    public void The_re_engagement_template_is_optional_and_so_are_its_body_parameters()
    {
        Assert.Null(Load($$"""{ {{Required}} }""").ReEngagementTemplate);
        Assert.Empty(Load($$"""{ {{Required}}, "reEngagementTemplate": { "name": "ci_risentiamo", "language": "it" } }""").ReEngagementTemplate!.BodyParameters);
    }

    [Theory]
    [InlineData("""{ "language": "it" }""")]
    [InlineData("""{ "name": "ci_risentiamo" }""")]
    [InlineData("""{ "name": " ", "language": "it" }""")]
    [InlineData("""{ "name": "ci_risentiamo", "language": null }""")]
    public void A_re_engagement_template_without_name_or_language_is_refused(string template)
    {
        var error = Assert.Throws<BusinessPackException>(() => Load($$"""{ {{Required}}, "reEngagementTemplate": {{template}} }"""));

        Assert.Contains("business.json", error.Message);
        Assert.Contains("reEngagementTemplate needs a name and a language", error.Message);
    }

    [Fact]
    public void Empty_body_parameters_are_refused_at_load_not_when_meta_rejects_the_send()
    {
        var error = Assert.Throws<BusinessPackException>(() => Load($$"""{ {{Required}}, "reEngagementTemplate": { "name": "ci_risentiamo", "language": "it", "bodyParameters": ["Studio", ""] } }"""));

        Assert.Contains("reEngagementTemplate.bodyParameters", error.Message);
    }

    public void Dispose() => _pack.Delete(recursive: true);

    private BusinessProfile Load(string businessJson)
    {
        File.WriteAllText(Path.Combine(_pack.FullName, "business.json"), businessJson);
        return BusinessPackLoader.Load(_pack.FullName).Profile;
    }
}
