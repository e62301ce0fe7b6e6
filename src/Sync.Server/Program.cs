using Sync.Server;

await SyncServerHost.Build(args).RunAsync();
