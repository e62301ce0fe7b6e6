using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Costs;

public class CostModelTests
{
    private static ClusterReport Sample(string name) => ClusterReport.Parse(File.ReadAllText(TestPaths.Sample($"reports/{name}")), name);

    [Fact]
    public void TheBuiltInCatalogHasThePublishedPricesOfItsSources()
    {
        var catalog = InstanceCatalog.BuiltIn;

        Assert.True(catalog.Instances.Count > 500);
        Assert.True(catalog.TryGet("m5.xlarge", out var m5));
        Assert.Equal((4, 16384, 0.192, 0.048, false), (m5.Vcpu, m5.MemoryMiB, m5.Prices["us-east-1"].Ec2OnDemand, m5.Prices["us-east-1"].Emr, m5.Prices["us-east-1"].EmrEstimated));
        Assert.True(catalog.TryGet("r5.2xlarge", out var r5));
        Assert.Equal((0.504, 0.126), (r5.Prices["us-east-1"].Ec2OnDemand, r5.Prices["us-east-1"].Emr));
        Assert.True(catalog.TryGet("m6g.xlarge", out var graviton));
        Assert.Equal("arm64", graviton.Architecture);
        Assert.Equal(0.15, catalog.DatabricksUsdPerDbu);
        Assert.NotEmpty(catalog.Sources);
    }

    [Fact]
    public void EmrRunCostIsNodeHoursTimesEc2AndEmrPricesPlusEbs()
    {
        var cost = new CostModel(InstanceCatalog.BuiltIn).Cost(Sample("emr-m5xlarge-1-master-4-core.json"));

        // 5 m5.xlarge for 1 h: 5 × (0.192 + 0.048); EBS: (1×64 + 4×2×64) GB × 0.08 USD/GB-month / 730 h.
        Assert.Equal(1.0, cost.BilledHours, 9);
        Assert.Equal(5 * 0.192, cost.Ec2Usd, 9);
        Assert.Equal(5 * 0.048, cost.PlatformUsd, 9);
        Assert.Equal((64 + 8 * 64) * 0.08 / 730, cost.EbsUsd, 9);
        Assert.Equal(cost.Ec2Usd + cost.PlatformUsd + cost.EbsUsd, cost.TotalUsd, 9);
        Assert.Empty(cost.Notes);
    }

    [Fact]
    public void DatabricksRunCostUsesDbusAndTheSpotPricePaid()
    {
        var catalog = InstanceCatalog.BuiltIn;
        catalog.TryGet("m5.xlarge", out var driver);
        catalog.TryGet("m5.4xlarge", out var worker);

        var report = Sample("databricks-m5-4xlarge-4-workers.json");
        var cost = new CostModel(catalog).Cost(report);

        var hours = (report.Timeline.Terminated - report.Timeline.Requested).TotalHours;
        Assert.Equal(11 + 20 / 60.0, hours * 60, 9); // 22:15:10 to 22:26:30
        Assert.Equal(hours * (driver.Prices["us-east-1"].Ec2OnDemand + 4 * 0.30), cost.Ec2Usd, 9);
        Assert.Equal(hours * (driver.DatabricksDbuPerHour!.Value + 4 * worker.DatabricksDbuPerHour!.Value) * 0.15, cost.PlatformUsd, 9);
    }

    [Fact]
    public void PhotonDbusArePricedAtThePhotonRateAndSaySo()
    {
        var report = Sample("databricks-m5-4xlarge-4-workers.json");
        var model = new CostModel(InstanceCatalog.BuiltIn);

        var standard = model.Cost(report with { Photon = false });
        var photon = model.Cost(report with { Photon = true });

        Assert.Equal(0.30, InstanceCatalog.BuiltIn.DatabricksPhotonUsdPerDbu);
        Assert.Equal(2 * standard.PlatformUsd, photon.PlatformUsd, 9);
        Assert.Equal(standard.Ec2Usd, photon.Ec2Usd, 9);
        Assert.Contains(photon.Notes, n => n.Contains("Photon jobs-compute rate (0.3 USD/DBU"));
    }

    [Fact]
    public void ACatalogWithoutAPhotonRateSaysTheCostIsUnderstated()
    {
        using var directory = new TempDirectory();
        var path = System.IO.Path.Combine(directory.Path, "catalog.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(TestPaths.RepoRoot, "catalog", "aws-instances.json")))!;
        json["databricksUsdPerDbu"]!.AsObject().Remove("jobsComputePhoton");
        File.WriteAllText(path, json.ToJsonString());
        var report = Sample("databricks-m5-4xlarge-4-workers.json") with { Photon = true };

        var cost = new CostModel(InstanceCatalog.Load(path)).Cost(report);

        Assert.Equal(new CostModel(InstanceCatalog.BuiltIn).Cost(report with { Photon = false }).PlatformUsd, cost.PlatformUsd, 9);
        Assert.Contains(cost.Notes, n => n.Contains("no Photon rate") && n.Contains("understates"));
    }

    [Fact]
    public void BillingHasAOneMinuteMinimum()
    {
        var report = Sample("emr-m5xlarge-1-master-4-core.json");
        var brief = report with { Timeline = report.Timeline with { Terminated = report.Timeline.Requested.AddSeconds(10) } };

        Assert.Equal(60 / 3600.0, new CostModel(InstanceCatalog.BuiltIn).Cost(brief).BilledHours, 12);
    }

    [Fact]
    public void AnUnknownInstanceTypeSaysToUpdateTheCatalog()
    {
        var report = Sample("emr-m5xlarge-1-master-4-core.json");
        var odd = report with { Nodes = [new NodeGroup("core", "zz9.huge", 2)] };

        var error = Assert.Throws<KeyNotFoundException>(() => new CostModel(InstanceCatalog.BuiltIn).Cost(odd));
        Assert.Contains("zz9.huge", error.Message);
        Assert.Contains("newer catalog", error.Message);
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"platform":"aws-emr","region":"us-east-1","nodes":[{"role":"core","instanceType":"m5.xlarge","count":1}],"timeline":{"requested":"2026-01-01T00:00:00Z","terminated":"2026-01-01T01:00:00Z"}}""", "schemaVersion is 2")]
    [InlineData("""{"schemaVersion":1,"platform":"gcp","region":"us-east-1","nodes":[{"role":"core","instanceType":"m5.xlarge","count":1}],"timeline":{"requested":"2026-01-01T00:00:00Z","terminated":"2026-01-01T01:00:00Z"}}""", "platform 'gcp'")]
    [InlineData("""{"schemaVersion":1,"platform":"aws-emr","region":"us-east-1","nodes":[],"timeline":{"requested":"2026-01-01T00:00:00Z","terminated":"2026-01-01T01:00:00Z"}}""", "nodes is empty")]
    [InlineData("""{"schemaVersion":1,"platform":"aws-emr","region":"us-east-1","nodes":[{"role":"core","instanceType":"m5.xlarge","count":1}],"timeline":{"requested":"2026-01-01T02:00:00Z","terminated":"2026-01-01T01:00:00Z"}}""", "terminated is before")]
    [InlineData("""{"schemaVersion":1,""", "not a valid cluster report")]
    public void InvalidReportsSayWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ClusterReport.Parse(json, "report.json"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AReportRoundTripsThroughJson()
    {
        var report = Sample("emr-m5xlarge-1-master-4-core.json");

        var again = ClusterReport.Parse(report.ToJson(), "again");

        Assert.Equal(report.ToJson(), again.ToJson());
        Assert.Equal(2, again.Nodes.Count);
    }
}
