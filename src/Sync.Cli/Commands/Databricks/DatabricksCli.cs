using Sync.Api;
using Sync.Api.Configuration;
using Sync.AwsDatabricks;
using Sync.AwsDatabricks.Runs;
using Sync.Clients.Aws;
using Sync.Clients.Aws.S3;

namespace Sync.Cli.Commands.Databricks;

/// <summary>What the <c>sync-cli databricks</c> commands share: the client, the configuration's defaults, reading tasks and specs, progress lines.</summary>
internal static class DatabricksCli
{
    /// <summary>
    /// Starts the next run of a prediction's configuration: reads the task, makes the client, calls
    /// <paramref name="start"/> with both, and prints the started run or the error.
    /// </summary>
    public static async Task<int> StartNextRunAsync(Spectre.Console.IAnsiConsole console, DatabricksTaskSettings settings,
        Func<DatabricksClient, DatabricksTask, Task<Response<StartedRun>>> start)
    {
        var task = Task(settings.Task!);
        if (!task.IsSuccess)
        {
            return Errors.Report(task.Error!.Message, task.Error.Hint);
        }

        await using var sync = CliClient.Create();
        using var client = Create(sync, settings, Configuration());
        var started = await start(client, task.Value);
        if (!started.IsSuccess)
        {
            return CliClient.Fail(started);
        }

        CliClient.Warn(started);
        Rendering.DatabricksRenderer.WriteStarted(console, settings.Output, started.Value);
        return ExitCodes.Success;
    }

    /// <summary>The user's configuration (defaults: project, Databricks host and profile, AWS profile).</summary>
    public static SyncConfiguration Configuration()
    {
        var loaded = SyncConfigurationStore.ForCurrentUser().LoadAsync().GetAwaiter().GetResult();
        return loaded.IsSuccess ? loaded.Value : new SyncConfiguration();
    }

    /// <summary>
    /// A <see cref="DatabricksClient"/> recording through <paramref name="sync"/>: host and profile from the options,
    /// else the configuration, else the environment and <c>~/.databrickscfg</c>. S3 access comes from the AWS profile
    /// or environment when one is configured (only projects kept on S3 need it).
    /// </summary>
    public static DatabricksClient Create(SyncClient sync, DatabricksSettings settings, SyncConfiguration configuration)
    {
        var options = new DatabricksClientOptions
        {
            Host = settings.Host ?? (settings.Profile is null ? configuration.DatabricksHost : null),
            Profile = settings.Profile ?? (settings.Host is null && Environment.GetEnvironmentVariable("DATABRICKS_HOST") is null ? configuration.DatabricksProfile : null),
        };
        if (Environment.GetEnvironmentVariable("SYNC_DATABRICKS_POLL_MS") is { } poll && int.TryParse(poll, out var ms) && ms > 0)
        {
            // For tests against the emulator, whose runs take seconds.
            options.PollInterval = TimeSpan.FromMilliseconds(ms);
        }

        if (configuration.AwsProfile is not null || Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is not null)
        {
            try
            {
                options.S3Storage = new S3Storage(new S3StorageOptions
                {
                    Credentials = AwsEnvironment.ResolveCredentials(configuration.AwsProfile),
                    Region = AwsEnvironment.ResolveRegion(null, configuration.AwsProfile),
                });
            }
            catch (AwsConfigurationException)
            {
                // No usable AWS settings: a project on S3 then gets a clear "no S3 access" error.
            }
        }

        return new DatabricksClient(sync, options);
    }

    /// <summary>A task from a JSON file or inline JSON.</summary>
    public static Response<DatabricksTask> Task(string text) => DatabricksTask.Parse(ReadJsonArgument(text, "task", out var error) ?? "") is var parsed && error is null
        ? parsed
        : Response.FromError<DatabricksTask>(error!);

    /// <summary>The text of a JSON argument: inline JSON (starting with <c>{</c>) or a file.</summary>
    public static string? ReadJsonArgument(string text, string what, out SyncError? error)
    {
        error = null;
        if (text.TrimStart().StartsWith('{'))
        {
            return text;
        }

        if (!File.Exists(text))
        {
            error = new SyncError(SyncErrorKind.InvalidInput, $"The {what} file '{text}' does not exist.", $"Pass a JSON file or inline JSON as the {what}.");
            return null;
        }

        return File.ReadAllText(text);
    }

    /// <summary>Writes each change of a run's state to standard error, so standard output stays clean.</summary>
    public static IProgress<DatabricksRunStatus> Progress() => new StatusLines();

    private sealed class StatusLines : IProgress<DatabricksRunStatus>
    {
        public void Report(DatabricksRunStatus value) =>
            Console.Error.WriteLine($"run {value.RunId}: {value.LifeCycleState}{(value.ResultState is { } r ? " " + r : "")}{(string.IsNullOrEmpty(value.StateMessage) ? "" : " (" + value.StateMessage + ")")}");
    }
}
