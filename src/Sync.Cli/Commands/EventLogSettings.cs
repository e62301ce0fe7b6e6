using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands;

/// <summary>The settings every <c>sync-cli eventlog</c> command that reads one log shares: the log's path and the output format.</summary>
public abstract class EventLogSettings : OutputSettings
{
    /// <summary>The event log: a file, a rolling or Databricks directory, or an archive.</summary>
    [CommandArgument(0, "<path>")]
    [Description("Event log file, eventlog_v2_* directory, Databricks log folder, or .zip/.tgz of one.")]
    public string Path { get; init; } = "";

}
