namespace Assistant.Tests.Admin;

/// <summary>One admin app and Redis for all admin test classes: starting the app costs more than the tests.</summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
