using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands;

/// <summary>A command that acts on one resource by id.</summary>
public class IdSettings : OutputSettings
{
    /// <summary>The resource's id.</summary>
    [CommandArgument(0, "<ID>")]
    [Description("The id (see the list command).")]
    public string Id { get; init; } = "";
}
