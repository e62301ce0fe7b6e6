namespace Sync.Tests.Support;

/// <summary>Tests that share one <see cref="MotoServer"/> process (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
