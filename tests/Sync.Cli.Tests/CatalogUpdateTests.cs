using System.Text.Json;
using Sync.Tests.Support.Pricing;

namespace Sync.Cli.Tests;

/// <summary>
/// <c>sync-cli catalog update</c> as a real process against the <see cref="PriceListEmulator"/>, with a temporary
/// <c>SYNC_HOME</c>, and <c>predictions create</c> picking the updated catalog up from there.
/// </summary>
public sealed class CatalogUpdateTests : IDisposable
{
    private const string EventLog = "samples/eventlogs/databricks-9.1-m5.4xlarge.zip";
    private const string Report = "samples/reports/databricks-m5-4xlarge-4-workers.json";

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sync-home-");

    public void Dispose() => _home.Delete(recursive: true);

    private string CatalogFile => Path.Combine(_home.FullName, "catalog", "aws-instances.json");

    /// <summary>An environment with only the given credentials: no profile files, no instance metadata, the temporary Sync directory.</summary>
    private Dictionary<string, string?> Environment(bool withCredentials) => new()
    {
        ["SYNC_HOME"] = _home.FullName,
        ["AWS_ACCESS_KEY_ID"] = withCredentials ? PriceListFixture.AccessKeyId : null,
        ["AWS_SECRET_ACCESS_KEY"] = withCredentials ? PriceListFixture.SecretKey : null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home.FullName, "no-credentials"),
        ["AWS_CONFIG_FILE"] = Path.Combine(_home.FullName, "no-config"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
    };

    [Fact]
    public async Task An_updated_catalog_goes_to_the_sync_directory_and_predictions_use_it()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.Data.SetEc2Price("us-east-1", "m5.xlarge", 0.25);
        var environment = Environment(withCredentials: true);

        var before = await CliProcess.RunWithEnvironmentAsync(environment, "predictions", "create", "--event-log", EventLog, "--report", Report, "--output", "json");
        var update = await CliProcess.RunWithEnvironmentAsync(environment, "catalog", "update", "--endpoint-url", emulator.Endpoint.ToString(), "--output", "json");
        var after = await CliProcess.RunWithEnvironmentAsync(environment, "predictions", "create", "--event-log", EventLog, "--report", Report, "--output", "json");
        var text = await CliProcess.RunWithEnvironmentAsync(environment, "predictions", "create", "--event-log", EventLog, "--report", Report);

        Assert.True(update.ExitCode == 0, update.Error);
        Assert.True(File.Exists(CatalogFile));
        using var changes = JsonDocument.Parse(update.Out);
        Assert.Equal(CatalogFile, changes.RootElement.GetProperty("path").GetString());
        Assert.Equal(["us-east-1"], changes.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("BuiltIn", changes.RootElement.GetProperty("previous").GetProperty("origin").GetString());
        var change = Assert.Single(changes.RootElement.GetProperty("priceChanges").EnumerateArray(), c => c.GetProperty("charge").GetString() == "ec2");
        Assert.Equal(("m5.xlarge", 0.192, 0.25), (change.GetProperty("instanceType").GetString(), change.GetProperty("oldUsdPerHour").GetDouble(), change.GetProperty("newUsdPerHour").GetDouble()));
        Assert.DoesNotContain(PriceListFixture.SecretKey, update.Out + update.Error);

        using var was = JsonDocument.Parse(before.Out);
        using var now = JsonDocument.Parse(after.Out);
        Assert.Equal("BuiltIn", was.RootElement.GetProperty("catalog").GetProperty("origin").GetString());
        Assert.Equal(("SyncDirectory", CatalogFile), (now.RootElement.GetProperty("catalog").GetProperty("origin").GetString(), now.RootElement.GetProperty("catalog").GetProperty("path").GetString()));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), now.RootElement.GetProperty("catalog").GetProperty("date").GetString());
        // The driver is one on-demand m5.xlarge for 11 min 20 s (the workers ran on spot at a recorded price).
        var observedBefore = was.RootElement.GetProperty("observed").GetProperty("costUsd").GetDouble();
        var observedAfter = now.RootElement.GetProperty("observed").GetProperty("costUsd").GetDouble();
        Assert.Equal((0.25 - 0.192) * (11 + 20 / 60.0) / 60, observedAfter - observedBefore, 3);
        Assert.Contains($"Priced with the updated catalog of {DateTime.UtcNow:yyyy-MM-dd} ({CatalogFile})", text.Out);
    }

    [Fact]
    public async Task Another_file_and_several_regions_can_be_asked_and_the_text_output_lists_the_changes()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.Data.AddRegion("eu-west-1", 1.1);
        emulator.Data.SetEc2Price("us-east-1", "r5.2xlarge", 0.48);
        var output = Path.Combine(_home.FullName, "elsewhere", "catalog.json");

        var update = await CliProcess.RunWithEnvironmentAsync(Environment(withCredentials: true), "catalog", "update", "--endpoint-url", emulator.Endpoint.ToString(),
            "--region", "us-east-1", "--region", "eu-west-1", "--out", output);

        Assert.True(update.ExitCode == 0, update.Error);
        Assert.False(File.Exists(CatalogFile));
        Assert.Contains("r5.2xlarge", update.Out);
        Assert.Contains("-4.8%", update.Out);
        Assert.Contains("us-east-1, eu-west-1", update.Out);
        using var written = JsonDocument.Parse(File.ReadAllText(output));
        var m5 = written.RootElement.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("type").GetString() == "m5.xlarge");
        Assert.Equal(0.2112, m5.GetProperty("prices").GetProperty("eu-west-1").GetProperty("ec2OnDemand").GetDouble());
    }

    [Fact]
    public async Task Without_credentials_the_update_says_how_to_provide_them_and_the_built_in_catalog_stays()
    {
        await using var emulator = PriceListFixture.Start();

        var update = await CliProcess.RunWithEnvironmentAsync(Environment(withCredentials: false), "catalog", "update", "--endpoint-url", emulator.Endpoint.ToString());

        Assert.Equal(1, update.ExitCode);
        Assert.Equal("", update.Out);
        Assert.Contains("without AWS credentials", update.Error);
        Assert.Contains("AWS_PROFILE", update.Error);
        Assert.Contains("AWS_ACCESS_KEY_ID", update.Error);
        Assert.Contains("the built-in catalog (2026-07-20) keeps working", update.Error);
        Assert.False(File.Exists(CatalogFile));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Access_denied_is_reported_without_the_secret_and_writes_nothing()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.DeniedAccessKeys[PriceListFixture.AccessKeyId] = true;

        var update = await CliProcess.RunWithEnvironmentAsync(Environment(withCredentials: true), "catalog", "update", "--endpoint-url", emulator.Endpoint.ToString());

        Assert.Equal(1, update.ExitCode);
        Assert.Contains("pricing:GetProducts", update.Error);
        Assert.DoesNotContain(PriceListFixture.SecretKey, update.Out + update.Error);
        Assert.False(File.Exists(CatalogFile));
    }

    [Fact]
    public async Task A_broken_catalog_in_the_sync_directory_is_reported_with_how_to_recover()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CatalogFile)!);
        await File.WriteAllTextAsync(CatalogFile, "{ \"schemaVersion\": 1, ");

        var run = await CliProcess.RunWithEnvironmentAsync(Environment(withCredentials: false), "predictions", "create", "--event-log", EventLog, "--report", Report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(CatalogFile, run.Error);
        Assert.Contains("catalog update", run.Error);
    }
}
