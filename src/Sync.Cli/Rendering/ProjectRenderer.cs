using System.Globalization;
using Spectre.Console;
using Sync.Api.Models;

namespace Sync.Cli.Rendering;

/// <summary>Prints projects as a table, or one project as a list of its fields.</summary>
internal static class ProjectRenderer
{
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<Project> projects)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Name").AddColumn("Product").AddColumn("App id")
            .AddColumn("Preference").AddColumn("SLA").AddColumn("Artifacts");
        foreach (var p in projects)
        {
            table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Name), Markup.Escape(p.ProductCode ?? "-"), Markup.Escape(p.AppId ?? "-"),
                p.Preference.ToString().ToLowerInvariant(), p.Sla is { } sla ? Format.Duration((long)sla.TotalMilliseconds) : "-", Markup.Escape(p.ArtifactLocation ?? "-"));
        }

        console.Write(table);
    }

    public static void WriteDetails(IAnsiConsole console, Project p)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow($"[grey]{name}[/]", Markup.Escape(value ?? "-"));
        Row("id", p.Id);
        Row("name", p.Name);
        Row("description", p.Description);
        Row("product", p.ProductCode);
        Row("app id", p.AppId);
        Row("artifacts", p.ArtifactLocation);
        Row("preference", p.Preference.ToString().ToLowerInvariant());
        Row("sla", p.Sla is { } sla ? Format.Duration((long)sla.TotalMilliseconds) : null);
        Row("cost ceiling (USD)", p.CostCeilingUsd?.ToString("0.00", CultureInfo.InvariantCulture));
        Row("created (UTC)", p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Row("updated (UTC)", p.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        console.Write(grid);
    }
}
