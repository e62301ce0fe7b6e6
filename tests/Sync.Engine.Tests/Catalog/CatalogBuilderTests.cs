using Sync.Engine.Catalog;

namespace Sync.Engine.Tests.Catalog;

public class CatalogBuilderTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Attributes(string type, string vcpu, string memory, string network = "Up to 10 Gigabit",
        string processor = "Intel Xeon Platinum 8175", string storage = "EBS only", string gpu = "0") => new()
    {
        ["instanceType"] = type, ["vcpu"] = vcpu, ["memory"] = memory, ["networkPerformance"] = network, ["physicalProcessor"] = processor,
        ["storage"] = storage, ["gpu"] = gpu,
    };

    private static Ec2Offer Offer(string region, string type, double usd, string vcpu = "4", string memory = "16 GiB", string processor = "Intel Xeon Platinum 8175", string gpu = "0") =>
        Ec2Offer.FromAttributes(region, usd, Attributes(type, vcpu, memory, processor: processor, gpu: gpu))!;

    private static PriceListSnapshot Snapshot(string[] regions, Ec2Offer[] ec2, EmrOffer[]? emr = null, EbsOffer[]? ebs = null) =>
        new(regions, ec2, emr ?? [], ebs ?? [], "test price list", When);

    [Theory]
    [InlineData("16 GiB", 16384)]
    [InlineData("0.5 GiB", 512)]
    [InlineData("1,952 GiB", 1998848)]
    [InlineData("NA", null)]
    public void Memory_is_read_in_mib(string memory, int? mib) =>
        Assert.Equal(mib, Ec2Offer.FromAttributes("us-east-1", 1, Attributes("x1.32xlarge", "128", memory))!.MemoryMiB);

    [Theory]
    [InlineData("25 Gigabit", 25000)]
    [InlineData("100 Gigabit", 100000)]
    [InlineData("Up to 12.5 Gigabit", null)]
    [InlineData("Moderate", null)]
    public void Only_a_fixed_network_figure_is_a_bandwidth(string network, int? mbps) =>
        Assert.Equal(mbps, Ec2Offer.FromAttributes("us-east-1", 1, Attributes("m5.xlarge", "4", "16 GiB", network))!.NetworkMbps);

    [Theory]
    [InlineData("AWS Graviton2 Processor", "arm64")]
    [InlineData("AMD EPYC 7R13 Processor", "x86_64")]
    [InlineData("Intel Xeon Platinum 8175", "x86_64")]
    [InlineData("Variable", null)]
    public void The_processor_gives_the_architecture(string processor, string? architecture) =>
        Assert.Equal(architecture, Ec2Offer.FromAttributes("us-east-1", 1, Attributes("m5.xlarge", "4", "16 GiB", processor: processor))!.Architecture);

    [Fact]
    public void Attributes_without_an_instance_type_make_no_offer() =>
        Assert.Null(Ec2Offer.FromAttributes("us-east-1", 1, new Dictionary<string, string> { ["vcpu"] = "4" }));

    [Fact]
    public void New_types_get_their_shape_from_the_price_list_and_an_estimated_emr_charge_when_none_is_listed()
    {
        var catalog = CatalogBuilder.Build(InstanceCatalog.BuiltIn, Snapshot(["us-east-1"],
        [
            Offer("us-east-1", "m5.xlarge", 0.192), Offer("us-east-1", "m9g.2xlarge", 0.3, "8", "32 GiB", "AWS Graviton5 Processor"),
            Offer("us-east-1", "p9.48xlarge", 90, "192", "2,048 GiB", gpu: "8"), Offer("us-east-1", "u-12tb1.112xlarge", 100, "448", "12,288 GiB"),
        ], [new EmrOffer("us-east-1", "m5.xlarge", 0.048)]));

        Assert.Equal(["m5.xlarge", "m9g.2xlarge"], catalog.Instances.Select(i => i.Type));
        Assert.True(catalog.TryGet("m9g.2xlarge", out var graviton));
        Assert.Equal(("m9g", 9, "arm64", 8, 32768, false), (graviton.Family, graviton.Generation, graviton.Architecture, graviton.Vcpu, graviton.MemoryMiB, graviton.LocalNvme));
        Assert.Equal(new RegionalPrice(0.3, 0.075, true), graviton.Prices["us-east-1"]);
        Assert.Null(graviton.DatabricksDbuPerHour);
        Assert.Contains(catalog.Sources, s => s.What == "EMR per-instance-hour charge, us-east-1" && s.Source.Contains("1 types without an EMR price", StringComparison.Ordinal));
    }

    [Fact]
    public void Types_offered_only_in_regions_not_asked_keep_those_prices()
    {
        var first = CatalogBuilder.Build(InstanceCatalog.BuiltIn, Snapshot(["eu-west-1"], [Offer("eu-west-1", "m5.xlarge", 0.214), Offer("eu-west-1", "zz9.large", 1)]));

        Assert.Equal(InstanceCatalog.BuiltIn.Instances.Count + 1, first.Instances.Count);
        Assert.True(first.TryGet("c5.large", out var kept));
        Assert.Equal(["us-east-1"], kept.Prices.Keys);
        Assert.True(first.TryGet("m5.xlarge", out var both));
        Assert.Equal((0.192, 0.214), (both.Prices["us-east-1"].Ec2OnDemand, both.Prices["eu-west-1"].Ec2OnDemand));
        Assert.Equal(0.048, both.Prices["us-east-1"].Emr);
        Assert.Equal(InstanceCatalog.BuiltIn.EbsUsdPerGbMonth("us-east-1", "gp3"), first.EbsUsdPerGbMonth("us-east-1", "gp3"));
        Assert.Null(first.EbsUsdPerGbMonth("eu-west-1", "gp3"));

        var changes = CatalogChanges.Between(InstanceCatalog.BuiltIn, first);
        Assert.Equal(["zz9.large"], changes.Added);
        Assert.Empty(changes.Removed);
        Assert.All(changes.Prices, p => Assert.Equal(("m5.xlarge", "eu-west-1", null), (p.InstanceType, p.Region, p.OldUsdPerHour)));
    }

    [Fact]
    public void Types_no_longer_offered_in_the_only_region_they_had_are_removed_and_a_region_without_offers_is_refused()
    {
        var catalog = CatalogBuilder.Build(InstanceCatalog.BuiltIn, Snapshot(["us-east-1"], [Offer("us-east-1", "m5.xlarge", 0.2)], ebs: [new EbsOffer("us-east-1", "gp3", 0.09)]));

        Assert.Equal(["m5.xlarge"], catalog.Instances.Select(i => i.Type));
        Assert.Equal(0.09, catalog.EbsUsdPerGbMonth("us-east-1", "gp3"));
        Assert.Null(catalog.EbsUsdPerGbMonth("us-east-1", "gp2"));
        Assert.Equal(InstanceCatalog.BuiltIn.Instances.Count - 1, CatalogChanges.Between(InstanceCatalog.BuiltIn, catalog).Removed.Count);
        Assert.Throws<InvalidDataException>(() => CatalogBuilder.Build(InstanceCatalog.BuiltIn, Snapshot(["us-east-1", "eu-south-9"], [Offer("us-east-1", "m5.xlarge", 0.2)])));
    }
}
