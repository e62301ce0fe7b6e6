using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.Summaries;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli eventlog summarize &lt;path&gt; [--output json]</c>.</summary>
public sealed class SummarizeCommand(IAnsiConsole console) : AsyncCommand<SummarizeCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : EventLogSettings
    {
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
        var app = await EventLogInput.ReadAsync(settings.Path, cancellationToken);
        if (app is null)
        {
            return ExitCodes.BadInput;
        }

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
}
