using Sync.Server;

return await SyncServerHost.RunAsync(args, Console.Out);
