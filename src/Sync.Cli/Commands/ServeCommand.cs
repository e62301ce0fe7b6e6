using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Server;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli serve</c>: runs the Sync server (<see cref="SyncServerHost"/>) in this process until Ctrl+C, on a SQLite
/// file in the data directory by default or on the database given; <c>--create-key</c> first creates an API key and
/// prints its id and secret once.
/// </summary>
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Where to listen.</summary>
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, e.g. http://127.0.0.1:8080 (default); several separated by ';'.")]
        [DefaultValue("http://127.0.0.1:8080")]
        public string Urls { get; init; } = "http://127.0.0.1:8080";

        /// <summary>The database.</summary>
        [CommandOption("--database <DATABASE>")]
        [Description("A SQLite file (default: sync.db in the data directory) or, with --db-provider PostgreSql, an Npgsql connection string.")]
        public string? Database { get; init; }

        /// <summary>The database provider.</summary>
        [CommandOption("--db-provider <PROVIDER>")]
        [Description("Sqlite (default) or PostgreSql.")]
        public string? Provider { get; init; }

        /// <summary>The data directory.</summary>
        [CommandOption("--data-dir <DIR>")]
        [Description("Where uploaded event logs, the token signing key and the default SQLite file live (default $SYNC_HOME/server).")]
        public string? DataDirectory { get; init; }

        /// <summary>Create an API key first.</summary>
        [CommandOption("--create-key")]
        [Description("Create an API key for the tenant 'default' first and print its id and secret once (only its hash is stored).")]
        public bool CreateKey { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var args = new List<string> { "--urls", settings.Urls };
        Add(args, "--database", settings.Database);
        Add(args, "--db-provider", settings.Provider);
        Add(args, "--data-dir", settings.DataDirectory);
        if (settings.CreateKey)
        {
            args.Add("--create-key");
            console.MarkupLine("[yellow]The new API key follows; its secret is shown only this once.[/]");
        }

        try
        {
            return await SyncServerHost.RunAsync([.. args], Console.Out);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Sync.Service.SyncServiceException)
        {
            return Errors.Report($"The server could not start: {e.Message}", "Check --urls (is the port free?), --database and --data-dir.");
        }
    }

    private static void Add(List<string> args, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            args.Add(name);
            args.Add(value);
        }
    }
}
