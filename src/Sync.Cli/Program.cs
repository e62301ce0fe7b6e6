using Spectre.Console;
using Sync.Cli;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // A file or pipe has no width: do not squeeze tables into the 80 columns Spectre assumes.
    console.Profile.Width = 160;
}

return await SyncCliApp.Create(console).RunAsync(args);
