using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.EventLogs;
using Sync.Engine.Summaries;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli eventlog summarize &lt;path&gt; [--output json]</c>.</summary>
public sealed class SummarizeCommand(IAnsiConsole console) : AsyncCommand<SummarizeCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The event log: a file, a rolling or Databricks directory, or an archive.</summary>
        [CommandArgument(0, "<path>")]
        [Description("Event log file, eventlog_v2_* directory, Databricks log folder, or .zip/.tgz of one.")]
        public string Path { get; init; } = "";

        /// <summary>Output format.</summary>
        [CommandOption("-o|--output <FORMAT>")]
        [Description("text (default) or json.")]
        [DefaultValue(OutputFormat.Text)]
        public OutputFormat Output { get; init; } = OutputFormat.Text;

        /// <summary>How many stages to list.</summary>
        [CommandOption("--top <N>")]
        [Description("How many of the longest stages to list (default 10).")]
        [DefaultValue(10)]
        public int Top { get; init; } = 10;

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Top is < 0 or > 10_000 ? ValidationResult.Error("--top must be between 0 and 10000") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var app = await EventLogReader.ReadAsync(settings.Path, cancellationToken);
            var summary = ApplicationSummarizer.Summarize(app, settings.Top);
            if (settings.Output == OutputFormat.Json)
            {
                console.Profile.Out.Writer.WriteLine(ApplicationSummaryJson.Serialize(summary));
            }
            else
            {
                SummaryRenderer.Render(console, summary);
            }

            return ExitCodes.Success;
        }
        catch (FileNotFoundException e)
        {
            return Errors.Report(e.Message, "Check the path; it may be a file, an eventlog_v2_* directory, a Databricks log folder or an archive.");
        }
        catch (EventLogFormatException e)
        {
            return Errors.Report(e.Message, null);
        }
        catch (UnauthorizedAccessException e)
        {
            return Errors.Report(e.Message, "Check that you can read the file.");
        }
        catch (IOException e)
        {
            return Errors.Report($"Reading '{settings.Path}' failed: {e.Message}", null);
        }
    }
}
