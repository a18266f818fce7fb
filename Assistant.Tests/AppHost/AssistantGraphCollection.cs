namespace Assistant.Tests.AppHost;

/// <summary>Tests that share one running graph: starting it takes seconds, so it starts once.</summary>
[CollectionDefinition(Name)]
public sealed class AssistantGraphCollection : ICollectionFixture<AssistantGraphFixture>
{
    public const string Name = "Assistant graph";
}
