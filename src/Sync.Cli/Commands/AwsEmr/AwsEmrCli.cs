using Spectre.Console;
using Sync.Api;
using Sync.Api.Configuration;
using Sync.AwsEmr;
using Sync.AwsEmr.Runs;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary>What the <c>aws-emr</c> commands share: the <see cref="EmrClient"/> from the options and the configuration, progress lines, and output.</summary>
internal static class AwsEmrCli
{
    /// <summary>
    /// The EMR client over <paramref name="sync"/>: region and profile from the options, else from the configuration
    /// (<c>sync-cli configure --aws-region/--aws-profile</c>), else the AWS SDK's defaults.
    /// </summary>
    public static async Task<EmrClient> CreateAsync(AwsEmrSettings settings, SyncClient sync, TimeSpan? pollInterval = null)
    {
        var loaded = await SyncConfigurationStore.ForCurrentUser().LoadAsync();
        var configuration = loaded.IsSuccess ? loaded.Value : null;
        var options = new EmrClientOptions
        {
            Region = settings.Region ?? configuration?.AwsRegion,
            Profile = settings.Profile ?? configuration?.AwsProfile,
            ServiceUrl = settings.Endpoint ?? Sync.Clients.Aws.AwsEnvironment.EndpointFromEnvironment(),
        };
        if (pollInterval is { } interval)
        {
            options.ClusterPollInterval = interval;
        }

        return new EmrClient(sync, options);
    }

    /// <summary>
    /// The body of the commands that act on EMR through the Sync API: hashes the <c>--code</c> file when given, makes the
    /// clients, calls <paramref name="call"/> with the EMR client and the hash, and prints the result or the error.
    /// </summary>
    public static async Task<int> ExecuteAsync<T>(AwsEmrSettings settings, string? codeFile, Func<EmrClient, string?, Task<Response<T>>> call, Action<T> write,
        CancellationToken cancellationToken)
    {
        var hashed = await CliClient.CodeHashAsync(codeFile, null, cancellationToken);
        if (!hashed.IsSuccess)
        {
            return CliClient.Fail(hashed);
        }

        await using var sync = CliClient.Create();
        using var emr = await CreateAsync(settings, sync);
        var response = await call(emr, hashed.Value);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        CliClient.Warn(response);
        write(response.Value);
        return Commands.ExitCodes.Success;
    }

    /// <summary>Writes each change of a cluster's state to standard error, so standard output stays clean.</summary>
    public static IProgress<EmrClusterStatus> Progress() => new StateLines();

    /// <summary>Prints a started run.</summary>
    public static void Write(IAnsiConsole console, OutputFormat output, StartedRun run)
    {
        if (output == OutputFormat.Json)
        {
            CliJson.Write(console, EmrRunRenderer.ToJson(run));
        }
        else
        {
            EmrRunRenderer.WriteText(console, run);
        }
    }

    /// <summary>Prints a recorded run.</summary>
    public static void Write(IAnsiConsole console, OutputFormat output, RecordedRun run)
    {
        if (output == OutputFormat.Json)
        {
            CliJson.Write(console, EmrRunRenderer.ToJson(run));
        }
        else
        {
            EmrRunRenderer.WriteText(console, run);
        }
    }

    private sealed class StateLines : IProgress<EmrClusterStatus>
    {
        public void Report(EmrClusterStatus value) =>
            Console.Error.WriteLine($"cluster {value.ClusterId}: {value.State}{(value.Reason is { } reason ? " (" + reason + ")" : "")}");
    }
}
