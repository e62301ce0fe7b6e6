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
