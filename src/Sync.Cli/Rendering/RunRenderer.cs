using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sync.Api.Models;

namespace Sync.Cli.Rendering;

/// <summary>Prints recorded runs as a table, or as JSON with each cluster report as an object.</summary>
internal static class RunRenderer
{
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<Run> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Product").AddColumn("Code hash")
            .AddColumn(new TableColumn("Runtime").RightAligned()).AddColumn(new TableColumn("Cost (USD)").RightAligned()).AddColumn("Event log").AddColumn("Recorded (UTC)");
        foreach (var r in runs)
        {
            table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.ProductCode), Markup.Escape(r.CodeHash ?? "-"),
                r.Runtime is { } t ? Format.Duration((long)t.TotalMilliseconds) : "-", r.CostUsd?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(r.EventLogLocation ?? "-"), r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    public static object ToJson(Run r) => new
    {
        id = r.Id,
        projectId = r.ProjectId,
        productCode = r.ProductCode,
        eventLogLocation = r.EventLogLocation,
        codeHash = r.CodeHash,
        runtimeMs = r.Runtime is { } t ? (long?)Math.Round(t.TotalMilliseconds) : null,
        costUsd = r.CostUsd,
        createdAt = r.CreatedAt,
        clusterReport = JsonDocument.Parse(r.ClusterReportJson).RootElement,
    };
}
