using Spectre.Console.Cli;
using Sync.Cli;

return await SyncCliApp.Create().RunAsync(args);
