using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli runs create --project ID --report PATH [--event-log PATH] [--code-hash H | --code FILE]</c>: records a finished run.</summary>
public sealed class RunsCreateCommand(IAnsiConsole console) : AsyncCommand<RunsCreateCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project to record the run in.")]
        public string? Project { get; init; }

        /// <summary>The run's cluster report.</summary>
        [CommandOption("-r|--report <PATH>")]
        [Description("The run's cluster report (docs/cluster-report.md).")]
        public string? Report { get; init; }

        /// <summary>The run's event log.</summary>
        [CommandOption("-e|--event-log <PATH>")]
        [Description("Where the run's event log is (a local path or an s3:// / dbfs:/ URL).")]
        public string? EventLog { get; init; }

        /// <summary>A hash of the application's code.</summary>
        [CommandOption("--code-hash <HASH>")]
        [Description("A hash of the application's code, e.g. sha256:… (or use --code).")]
        public string? CodeHash { get; init; }

        /// <summary>The application's code file to hash.</summary>
        [CommandOption("--code <FILE>")]
        [Description("The application's main jar, script or notebook: its SHA-256 becomes the code hash.")]
        public string? Code { get; init; }

        /// <summary>The run's wall time.</summary>
        [CommandOption("--runtime <DURATION>")]
        [Description("The run's wall time, e.g. 42m.")]
        public string? Runtime { get; init; }

        /// <summary>The run's cost.</summary>
        [CommandOption("--cost <USD>")]
        [Description("The run's cost in USD.")]
        public double? Cost { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Project) || string.IsNullOrWhiteSpace(Report))
            {
                return ValidationResult.Error("--project and --report are both required");
            }

            if (CodeHash is not null && Code is not null)
            {
                return ValidationResult.Error("give --code-hash or --code, not both");
            }

            return Runtime is not null && Durations.Parse(Runtime) is null
                ? ValidationResult.Error($"--runtime '{Runtime}' is not a duration such as 45m, 1h30m or 900s")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string report;
        try
        {
            report = await File.ReadAllTextAsync(settings.Report!, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Errors.Report($"Cannot read the cluster report '{settings.Report}': {e.Message}", "Check the path of the cluster report.");
        }

        var hashed = await CliClient.CodeHashAsync(settings.Code, settings.CodeHash, cancellationToken);
        if (!hashed.IsSuccess)
        {
            return CliClient.Fail(hashed);
        }

        var codeHash = hashed.Value;

        await using var client = CliClient.Create();
        var response = await client.Runs.CreateAsync(settings.Project!, new RunCreateOptions(report)
        {
            EventLogLocation = settings.EventLog, CodeHash = codeHash, Runtime = settings.Runtime is null ? null : Durations.Parse(settings.Runtime),
            CostUsd = settings.Cost,
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, RunRenderer.ToJson(response.Value));
        }
        else
        {
            RunRenderer.WriteTable(console, [response.Value]);
        }

        return ExitCodes.Success;
    }
}
