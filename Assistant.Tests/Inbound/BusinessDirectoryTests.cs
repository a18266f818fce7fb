using Assistant.Core.Businesses;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Inbound;

public sealed class BusinessDirectoryTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis = redis;

    private static BusinessProfile Profile(string id, string phone) => new()
    {
        Id = id,
        Name = "Biz " + id,
        PhoneNumberId = phone,
        Timezone = "Europe/Rome",
        Languages = ["it"],
    };

    [Fact]
    public async Task Upsert_then_find_by_phone_get_and_list()
    {
        var directory = new BusinessDirectory(_redis.Server.Connection, TimeProvider.System);
        var id = "b-" + Guid.NewGuid().ToString("N")[..8];
        var phone = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await directory.UpsertAsync(Profile(id, phone)).Within();

        Assert.Equal(id, (await directory.FindByPhoneNumberIdAsync(phone).AsTask().Within())?.Id);
        Assert.Equal("Biz " + id, (await directory.GetAsync(id).Within())?.Name);
        Assert.Contains(await directory.ListAsync().Within(), p => p.Id == id);
        Assert.Null(await directory.FindByPhoneNumberIdAsync("0").AsTask().Within());
    }

    [Fact]
    public async Task The_re_engagement_template_survives_the_round_trip_through_redis()
    {
        var directory = new BusinessDirectory(_redis.Server.Connection, TimeProvider.System);
        var id = "t-" + Guid.NewGuid().ToString("N")[..8];
        var template = new ReEngagementTemplate { Name = "ci_risentiamo", Language = "it", BodyParameters = ["Studio"] };

        await directory.UpsertAsync(Profile(id, "7" + id) with { ReEngagementTemplate = template }).Within();

        var stored = (await directory.GetAsync(id).Within())!.ReEngagementTemplate!;
        Assert.Equal((template.Name, template.Language), (stored.Name, stored.Language));
        Assert.Equal(template.BodyParameters, stored.BodyParameters);
        await Assert.ThrowsAsync<BusinessPackException>(() => directory.UpsertAsync(Profile(id, "7" + id) with { ReEngagementTemplate = new ReEngagementTemplate { Language = "it" } })).Within();
    }

    [Fact]
    public async Task Changing_the_number_moves_the_route()
    {
        var directory = new BusinessDirectory(_redis.Server.Connection, TimeProvider.System);
        var id = "m-" + Guid.NewGuid().ToString("N")[..8];
        var (oldPhone, newPhone) = ("1" + id, "2" + id);

        await directory.UpsertAsync(Profile(id, oldPhone)).Within();
        Assert.NotNull(await directory.FindByPhoneNumberIdAsync(oldPhone).AsTask().Within());
        await directory.UpsertAsync(Profile(id, newPhone)).Within();

        Assert.Null(await directory.FindByPhoneNumberIdAsync(oldPhone).AsTask().Within());
        Assert.Equal(id, (await directory.FindByPhoneNumberIdAsync(newPhone).AsTask().Within())?.Id);
    }

    [Fact]
    public async Task Lookups_are_cached_for_a_few_seconds_then_refreshed()
    {
        var clock = new FakeTimeProvider();
        var reader = new BusinessDirectory(_redis.Server.Connection, clock);
        var writer = new BusinessDirectory(_redis.Server.Connection, TimeProvider.System);
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        var phone = "9" + id;

        Assert.Null(await reader.FindByPhoneNumberIdAsync(phone).AsTask().Within());
        await writer.UpsertAsync(Profile(id, phone)).Within();

        // Another process added the number: this one sees it once its cached miss expires.
        Assert.Null(await reader.FindByPhoneNumberIdAsync(phone).AsTask().Within());
        clock.Advance(BusinessDirectory.CacheLifetime + TimeSpan.FromMilliseconds(1));
        Assert.Equal(id, (await reader.FindByPhoneNumberIdAsync(phone).AsTask().Within())?.Id);
    }
}
