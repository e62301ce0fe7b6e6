using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands;

/// <summary>The <c>--output text|json</c> option every command that prints a result shares.</summary>
public abstract class OutputSettings : CommandSettings
{
    /// <summary>Output format.</summary>
    [CommandOption("-o|--output <FORMAT>")]
    [Description("text (default) or json.")]
    [DefaultValue(OutputFormat.Text)]
    public OutputFormat Output { get; init; } = OutputFormat.Text;
}
