using Sync.Engine.Catalog;

namespace Sync.Engine.Tests.Catalog;

/// <summary>Facts of the catalog shipped in the repository (catalog/aws-instances.json) that the search relies on.</summary>
public class ShippedCatalogTests
{
    [Theory]
    [InlineData("a1.xlarge", "arm64")]
    [InlineData("m6g.2xlarge", "arm64")]
    [InlineData("r6gd.4xlarge", "arm64")]
    [InlineData("c7gn.xlarge", "arm64")]
    [InlineData("m5.xlarge", "x86_64")]
    [InlineData("c5n.2xlarge", "x86_64")]
    [InlineData("r6id.2xlarge", "x86_64")]
    public void ArchitectureFollowsTheProcessorFamily(string type, string architecture)
    {
        Assert.True(InstanceCatalog.BuiltIn.TryGet(type, out var instance), $"{type} is not in the shipped catalog");
        Assert.Equal(architecture, instance.Architecture);
    }
}
