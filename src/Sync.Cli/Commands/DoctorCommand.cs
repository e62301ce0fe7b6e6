using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Configuration;
using Sync.Cli.Doctor;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli doctor</c>: the access report. One line per check, OK, WARN or FAIL, with how to fix what is not OK:
/// configuration readable, credentials file private, API reachable and key valid (or embedded database usable), and
/// the AWS and Databricks settings. Exits 1 when a check fails.
/// </summary>
public sealed class DoctorCommand(IAnsiConsole console) : AsyncCommand<DoctorCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : OutputSettings
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = SyncConfigurationStore.ForCurrentUser();
        var loaded = await store.LoadAsync(cancellationToken: cancellationToken);
        var results = new List<AccessCheckResult>
        {
            loaded.IsSuccess
                ? AccessCheckResult.Ok("config", $"Configuration read from {store.Directory} and the environment ({(loaded.Value.IsEmbedded ? "embedded backend" : "server " + loaded.Value.ApiUrl)}).")
                : AccessCheckResult.Fail("config", loaded.Error!.Message, loaded.Error.Hint ?? "Run 'sync-cli configure'."),
        };
        var checkContext = new AccessCheckContext(loaded.IsSuccess ? loaded.Value : null, store);
        foreach (var check in AccessChecks.All)
        {
            results.AddRange(await check.RunAsync(checkContext, cancellationToken));
        }

        Print(results, settings.Output);
        return results.Any(r => r.Status == AccessCheckStatus.Fail) ? ExitCodes.Failed : ExitCodes.Success;
    }

    private void Print(IReadOnlyList<AccessCheckResult> results, OutputFormat output)
    {
        if (output == OutputFormat.Json)
        {
            var lines = results.Select(r => new Dictionary<string, string?>
            {
                ["status"] = Label(r.Status),
                ["check"] = r.Name,
                ["message"] = r.Message,
                ["fix"] = r.Fix,
            });
            // Straight to the output writer: the console would wrap long lines inside JSON strings.
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(lines, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        foreach (var result in results)
        {
            var color = result.Status switch { AccessCheckStatus.Ok => "green", AccessCheckStatus.Warn => "yellow", _ => "red" };
            console.MarkupLine($"[{color}]{Label(result.Status),-4}[/] {Markup.Escape(result.Name),-11} {Markup.Escape(result.Message)}");
            if (result.Fix is not null && result.Status != AccessCheckStatus.Ok)
            {
                console.MarkupLine($"     {"",-11} [grey]fix:[/] {Markup.Escape(result.Fix)}");
            }
        }
    }

    private static string Label(AccessCheckStatus status) => status switch
    {
        AccessCheckStatus.Ok => "OK",
        AccessCheckStatus.Warn => "WARN",
        _ => "FAIL",
    };
}
