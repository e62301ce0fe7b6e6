using System.Text.Json;

namespace Sync.Cli.Tests;

/// <summary>
/// <c>projects</c>, <c>runs</c> and <c>predictions</c> commands as real processes on the embedded store, each test in its
/// own fresh Sync directory (<c>SYNC_HOME</c>).
/// </summary>
public sealed class StoreCommandTests : IDisposable
{
    private const string EventLog = "samples/eventlogs/databricks-9.1-m5.4xlarge.zip";
    private const string Report = "samples/reports/databricks-m5-4xlarge-4-workers.json";
    private readonly string _home = Path.Combine(Path.GetTempPath(), "sync-cli-store-tests", Guid.NewGuid().ToString("N"));

    private Task<(int ExitCode, string Out, string Error)> Cli(params string[] args) => CliProcess.RunInHomeAsync(_home, args);

    private async Task<JsonElement> Json(params string[] args)
    {
        var (exit, stdout, stderr) = await Cli([.. args, "--output", "json"]);
        Assert.True(exit == 0, $"sync-cli {string.Join(' ', args)} exited {exit}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    private async Task BadInput(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = await Cli(args);
        Assert.True(exit == 2, $"sync-cli {string.Join(' ', args)} exited {exit}: {stdout}{stderr}");
        Assert.Equal("", stdout);
        Assert.Contains("error:", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task Prediction_in_a_fresh_sync_directory_is_recorded_listed_shown_and_deleted()
    {
        var created = await Json("predictions", "create", "--event-log", EventLog, "--report", Report);
        Assert.True(File.Exists(Path.Combine(_home, "sync.db")));
        var id = created.GetProperty("predictionId").GetString()!;
        Assert.Equal("SUCCESS", created.GetProperty("status").GetString());
        Assert.Equal("aws-databricks", created.GetProperty("recommended").GetProperty("report").GetProperty("platform").GetString());

        var listed = await Json("predictions", "list");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("predictionId").GetString());

        var shown = await Json("predictions", "get", id);
        Assert.Equal(created.GetProperty("balanced").GetProperty("predictedRuntimeMs").GetInt64(), shown.GetProperty("balanced").GetProperty("predictedRuntimeMs").GetInt64());

        var (exit, table, _) = await Cli("predictions", "list");
        Assert.Equal(0, exit);
        Assert.Contains(id, table);
        Assert.Contains("SUCCESS", table);

        var page = Path.Combine(_home, "report", "prediction.html");
        var (reportExit, _, reportError) = await Cli("predictions", "report", id, "--html", page);
        Assert.True(reportExit == 0, reportError);
        var html = await File.ReadAllTextAsync(page);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains(created.GetProperty("application").GetProperty("name").GetString()!, html, StringComparison.Ordinal);
        await BadInput("not both", "predictions", "report", id, "--event-log", EventLog, "--html", page);

        await BadInput("not awaiting an event log", "predictions", "upload", id, EventLog);
        Assert.Equal(id, (await Json("predictions", "delete", id)).GetProperty("deleted").GetString());
        await BadInput($"No prediction with id '{id}'", "predictions", "get", id);
    }

    [Fact]
    public async Task Prediction_queued_without_waiting_is_finished_by_the_next_process_that_waits()
    {
        var (exit, stdout, stderr) = await Cli("predictions", "create", "--event-log", EventLog, "--report", Report, "--no-wait");
        Assert.True(exit == 0, stderr);
        var id = stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        (exit, stdout, stderr) = await Cli("predictions", "wait", id, "--timeout", "2m");
        Assert.True(exit == 0, stderr);
        Assert.Contains("balanced", stdout);
        Assert.Contains("Front (runtime", stdout);
        Assert.Contains($"prediction {id}: SUCCESS", stderr);
    }

    [Fact]
    public async Task Projects_are_created_listed_shown_updated_and_deleted()
    {
        var created = await Json("projects", "create", "--name", "nightly-etl", "--product", "aws-databricks", "--app-id", "etl", "--preference", "economy", "--sla", "1h");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("economy", created.GetProperty("preference").GetString());

        var (exit, table, _) = await Cli("projects", "list");
        Assert.Equal(0, exit);
        Assert.Contains("nightly-etl", table);
        Assert.Contains(id, table);

        var updated = await Json("projects", "update", id, "--description", "the nightly ETL");
        Assert.Equal("the nightly ETL", updated.GetProperty("description").GetString());
        Assert.Equal("etl", (await Json("projects", "get", id)).GetProperty("appId").GetString());
        Assert.Single((await Json("projects", "list", "--app-id", "etl")).EnumerateArray());

        Assert.Equal(0, (await Cli("projects", "delete", id)).ExitCode);
        await BadInput($"No project with id '{id}'", "projects", "get", id);
    }

    [Fact]
    public async Task Runs_record_a_code_hash_and_a_prediction_for_other_code_warns()
    {
        var project = (await Json("projects", "create", "--name", "with-runs")).GetProperty("id").GetString()!;
        var code = Path.Combine(_home, "app.py");
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(code, "print('version 1')\n");

        var run = await Json("runs", "create", "--project", project, "--report", Report, "--event-log", EventLog, "--code", code, "--runtime", "6m");
        var hash = run.GetProperty("codeHash").GetString()!;
        Assert.StartsWith("sha256:", hash);
        Assert.Equal(360_000, run.GetProperty("runtimeMs").GetInt64());
        var runId = run.GetProperty("id").GetString()!;
        Assert.Equal(runId, Assert.Single((await Json("runs", "list", "--project", project)).EnumerateArray()).GetProperty("id").GetString());

        var (exit, stdout, stderr) = await Cli("predictions", "create", "--run", runId, "--code-hash", "sha256:0000", "--output", "json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("warning:", stderr);
        Assert.Contains(hash, stderr);
        using var prediction = JsonDocument.Parse(stdout);
        Assert.Equal("SUCCESS", prediction.RootElement.GetProperty("status").GetString());
        Assert.Equal(project, prediction.RootElement.GetProperty("projectId").GetString());
    }

    [Fact]
    public async Task Unknown_ids_and_bad_input_are_clear_errors_with_exit_code_2()
    {
        await BadInput("No project with id 'nope'", "projects", "get", "nope");
        await BadInput("No project with id 'nope'", "runs", "list", "--project", "nope");
        await BadInput("No prediction with id 'nope'", "predictions", "get", "nope");
        await BadInput("No prediction with id 'nope'", "predictions", "wait", "nope");
        await BadInput("No run with id 'nope'", "predictions", "create", "--run", "nope");

        var bad = Path.Combine(_home, "bad-report.json");
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(bad, """{"schemaVersion": 1, "platform": "aws-emr"}""");
        await BadInput("not a valid cluster report", "predictions", "create", "--event-log", EventLog, "--report", bad);
        await BadInput("No file or directory", "predictions", "create", "--event-log", "no/such/log", "--report", Report);

        var (exit, stdout, stderr) = await Cli("projects", "create");
        Assert.NotEqual(0, exit);
        Assert.Contains("--name is required", stdout + stderr);
    }

    [Fact]
    public async Task Something_that_is_not_an_event_log_fails_the_prediction_with_exit_code_2()
    {
        var notes = Path.Combine(_home, "notes.txt");
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(notes, "a shopping list\nmilk\n");
        var (exit, stdout, stderr) = await Cli("predictions", "create", "--event-log", notes, "--report", Report);
        Assert.Equal(2, exit);
        Assert.Contains("failed", stderr);
        Assert.DoesNotContain("Front", stdout);
    }

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }
}
