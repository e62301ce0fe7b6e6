using Sync.Api.Catalog;
using Sync.Clients.Aws;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Tests.Support;
using Sync.Tests.Support.Pricing;

namespace Sync.Api.Tests.Catalog;

/// <summary>
/// <see cref="CatalogUpdater"/> end to end through the real Price List client and HTTP against the
/// <see cref="PriceListEmulator"/>, which serves the same real prices the built-in catalog was made from.
/// </summary>
public sealed class CatalogUpdaterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 30, 0, TimeSpan.Zero);

    private static CatalogUpdater Updater(PriceListEmulator emulator, string? profile = null, int attempts = 3) => new(new CatalogUpdaterOptions
    {
        Credentials = profile is null ? PriceListFixture.Credentials : null,
        Profile = profile,
        ServiceUrl = emulator.Endpoint,
        Retry = new AwsRetryOptions { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(10) },
        Time = new FixedTime(Now),
    });

    private static ClusterReport Sample(string name) =>
        ClusterReport.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "reports", name)), name);

    [Fact]
    public async Task The_same_prices_give_the_same_catalog_and_the_same_costs_as_the_built_in_one()
    {
        await using var emulator = PriceListFixture.Start();
        var builtIn = InstanceCatalog.BuiltIn;

        var response = await Updater(emulator).UpdateAsync(builtIn, ["us-east-1"]);

        Assert.True(response.IsSuccess, response.ToString());
        var update = response.Value;
        Assert.Equal("2026-11-26", update.Catalog.Date);
        Assert.Equal([], update.Changes.Added);
        Assert.Equal([], update.Changes.Removed);
        Assert.Equal([], update.Changes.Prices.Select(p => p.ToString()));
        // The price list's processor architecture agrees with the built-in catalog's (a1 is AWS Graviton, arm64).
        Assert.Equal([], update.Changes.ShapesChanged);
        Assert.True(update.Catalog.TryGet("a1.large", out var a1));
        Assert.Equal("arm64", a1.Architecture);
        foreach (var report in new[] { "emr-m5xlarge-1-master-4-core.json", "databricks-m5-4xlarge-4-workers.json" })
        {
            Assert.Equal(new CostModel(builtIn).Cost(Sample(report)).TotalUsd, new CostModel(update.Catalog).Cost(Sample(report)).TotalUsd, 9);
        }

        Assert.True(update.Catalog.TryGet("m5.4xlarge", out var m5));
        Assert.True(builtIn.TryGet("m5.4xlarge", out var old));
        Assert.Equal(old.DatabricksDbuPerHour, m5.DatabricksDbuPerHour);
        Assert.Equal(old.NetworkMbps, m5.NetworkMbps);
        Assert.False(m5.Prices["us-east-1"].EmrEstimated);
        Assert.Contains(update.Catalog.Sources, s => s.What == "EC2 on-demand Linux prices, us-east-1" && s.Source.StartsWith(CatalogUpdater.SourceName, StringComparison.Ordinal) && s.Date == "2026-11-26T01:30:00Z");
        Assert.Contains(update.Catalog.Sources, s => s.What.StartsWith($"{CatalogBuilder.KeptPrefix}2026-07-20: Databricks", StringComparison.Ordinal));
        Assert.DoesNotContain(update.Catalog.Sources, s => s.Source.Contains("karpenter", StringComparison.Ordinal) && s.What.Contains("prices", StringComparison.Ordinal));
        Assert.Equal(builtIn.EbsUsdPerGbMonth("us-east-1", "gp3"), update.Catalog.EbsUsdPerGbMonth("us-east-1", "gp3"));
    }

    [Fact]
    public async Task A_changed_price_shows_in_the_changes_and_in_the_cost_and_types_come_and_go()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.Data.SetEc2Price("us-east-1", "m5.xlarge", 0.21);
        emulator.Data.RemoveEc2Type("us-east-1", "c5.large");
        emulator.Data.AddEc2Type("us-east-1", "m5.96xlarge", like: "m5.24xlarge", usdPerHour: 18.432);
        var builtIn = InstanceCatalog.BuiltIn;

        var update = (await Updater(emulator).UpdateAsync(builtIn, ["us-east-1"])).Value;

        var change = Assert.Single(update.Changes.Prices, p => p.Charge == "ec2");
        Assert.Equal(("m5.xlarge", "us-east-1", 0.192, 0.21), (change.InstanceType, change.Region, change.OldUsdPerHour!.Value, change.NewUsdPerHour!.Value));
        Assert.Equal(0.09375, change.Relative!.Value, 9);
        Assert.Equal(["c5.large"], update.Changes.Removed);
        Assert.Equal(["m5.96xlarge"], update.Changes.Added);
        Assert.True(update.Catalog.TryGet("m5.96xlarge", out var added));
        Assert.Equal((96, 393216, 18.432, "x86_64"), (added.Vcpu, added.MemoryMiB, added.Prices["us-east-1"].Ec2OnDemand, added.Architecture));

        // 5 m5.xlarge for one hour: the EC2 part follows the new price, the EMR charge (published 0.048) does not.
        var report = Sample("emr-m5xlarge-1-master-4-core.json");
        var before = new CostModel(builtIn).Cost(report);
        var after = new CostModel(update.Catalog).Cost(report);
        Assert.Equal(5 * (0.21 - 0.192), after.TotalUsd - before.TotalUsd, 9);
        Assert.Equal(before.PlatformUsd, after.PlatformUsd, 9);
    }

    [Fact]
    public async Task Each_region_asked_gains_prices_and_regions_not_asked_are_kept()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.Data.AddRegion("eu-west-1", 1.1);
        var updater = Updater(emulator);

        var both = (await updater.UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1", "eu-west-1"])).Value;
        emulator.Data.SetEc2Price("eu-west-1", "m5.xlarge", 0.3);
        var europeOnly = (await updater.UpdateAsync(both.Catalog, ["eu-west-1"])).Value;

        Assert.True(both.Catalog.TryGet("m5.xlarge", out var m5));
        Assert.Equal((0.192, 0.2112), (m5.Prices["us-east-1"].Ec2OnDemand, m5.Prices["eu-west-1"].Ec2OnDemand));
        Assert.Equal(0.048 * 1.1, m5.Prices["eu-west-1"].Emr, 9);
        Assert.Equal(0.088, both.Catalog.EbsUsdPerGbMonth("eu-west-1", "gp3"));
        Assert.Contains(both.Changes.Prices, p => p is { InstanceType: "m5.xlarge", Region: "eu-west-1", Charge: "ec2", OldUsdPerHour: null, NewUsdPerHour: 0.2112 });

        Assert.True(europeOnly.Catalog.TryGet("m5.xlarge", out var again));
        Assert.Equal((0.192, 0.3), (again.Prices["us-east-1"].Ec2OnDemand, again.Prices["eu-west-1"].Ec2OnDemand));
        Assert.Equal(["eu-west-1"], europeOnly.Changes.Prices.Select(p => p.Region).Distinct());
        Assert.Contains(europeOnly.Catalog.Sources, s => s.What == $"{CatalogBuilder.KeptPrefix}2026-11-26: EC2 on-demand Linux prices, us-east-1");
        Assert.Contains(europeOnly.Catalog.Sources, s => s.What == "EC2 on-demand Linux prices, eu-west-1" && !s.What.StartsWith(CatalogBuilder.KeptPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_new_catalog_is_saved_atomically_and_reads_back_the_same()
    {
        await using var emulator = PriceListFixture.Start();
        var update = (await Updater(emulator).UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1"])).Value;
        var folder = Directory.CreateTempSubdirectory("sync-catalog-");
        try
        {
            var path = Path.Combine(folder.FullName, "nested", "aws-instances.json");
            update.Catalog.Save(path);
            update.Catalog.Save(path);

            var read = InstanceCatalog.Load(path);
            Assert.Equal(["aws-instances.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            Assert.True(CatalogChanges.Between(update.Catalog, read).IsEmpty);
            Assert.Equal(update.Catalog.Sources, read.Sources);
            Assert.Equal(update.Catalog.Date, read.Date);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Missing_credentials_are_an_authentication_error_that_says_how_to_provide_them()
    {
        await using var emulator = PriceListFixture.Start();

        var response = await Updater(emulator, profile: "no-such-profile-for-sync-tests").UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1"]);

        Assert.False(response.IsSuccess);
        Assert.Equal((SyncErrorKind.Authentication, "credentials-missing"), (response.Error!.Kind, response.Error.Code));
        Assert.Contains("AWS_PROFILE", response.Error.Hint);
        Assert.Contains("AWS_ACCESS_KEY_ID", response.Error.Hint);
        Assert.Contains("the catalog of 2026-07-20 keeps working", response.Error.Hint);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Access_denied_is_a_permission_error_naming_pricing_get_products_without_the_secret()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.DeniedAccessKeys[PriceListFixture.AccessKeyId] = true;

        var response = await Updater(emulator).UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1"]);

        Assert.Equal((SyncErrorKind.PermissionDenied, "AccessDeniedException"), (response.Error!.Kind, response.Error.Code));
        Assert.Contains("pricing:GetProducts", response.Error.Message);
        Assert.Contains("pricing:GetProducts", response.Error.Hint);
        Assert.DoesNotContain(PriceListFixture.SecretKey, response.Error.ToString());
    }

    [Fact]
    public async Task Throttling_is_retried_and_throttling_that_lasts_is_a_service_error()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.ThrottleNext(2);
        Assert.True((await Updater(emulator).UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1"])).IsSuccess);

        emulator.ThrottleNext(100);
        var response = await Updater(emulator, attempts: 2).UpdateAsync(InstanceCatalog.BuiltIn, ["us-east-1"]);
        Assert.Equal((SyncErrorKind.Service, "ThrottlingException"), (response.Error!.Kind, response.Error.Code));
    }

    [Theory]
    [InlineData("useast1")]
    [InlineData("us-east-1; rm")]
    [InlineData("mars-north-1")]
    public async Task A_region_that_is_not_a_region_or_has_no_prices_is_bad_input(string region)
    {
        await using var emulator = PriceListFixture.Start();

        var response = await Updater(emulator).UpdateAsync(InstanceCatalog.BuiltIn, [region]);

        Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
        Assert.Contains(region, response.Error.Message);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
