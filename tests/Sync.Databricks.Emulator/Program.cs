using System.Globalization;
using Sync.Databricks.Emulator;

// dotnet Sync.Databricks.Emulator.dll --urls http://127.0.0.1:0 [--token T]... [--eventlog PATH]... [--step-ms N] [--manual-clock] [--node-type-catalog catalog/aws-instances.json]
var tokens = new List<string>();
var eventLogs = new List<string>();
var rest = new List<string>();
TimeSpan? step = null;
var manual = false;
string? nodeTypeCatalog = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--token" when i + 1 < args.Length:
            tokens.Add(args[++i]);
            break;
        case "--eventlog" when i + 1 < args.Length:
            eventLogs.Add(args[++i]);
            break;
        case "--step-ms" when i + 1 < args.Length:
            step = TimeSpan.FromMilliseconds(int.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--node-type-catalog" when i + 1 < args.Length:
            nodeTypeCatalog = args[++i];
            break;
        case "--manual-clock":
            manual = true;
            break;
        default:
            rest.Add(args[i]);
            break;
    }
}

var options = new EmulatorOptions
{
    Clock = manual ? EmulatorClock.Manual() : EmulatorClock.Real(),
    EventLogs = eventLogs,
    NodeTypeCatalog = nodeTypeCatalog,
    Timings = step is { } s ? EmulatorTimings.Uniform(s) : new EmulatorTimings(),
};
if (tokens.Count > 0)
{
    options = options with { Tokens = tokens };
}

if (!rest.Contains("--urls"))
{
    rest.AddRange(["--urls", "http://127.0.0.1:0"]);
}

await using var emulator = await DatabricksEmulator.StartAsync(options, [.. rest], quiet: true, CancellationToken.None);
Console.WriteLine($"Databricks emulator listening on {emulator.BaseUri.ToString().TrimEnd('/')}");
Console.Out.Flush();
await emulator.WaitForShutdownAsync();
