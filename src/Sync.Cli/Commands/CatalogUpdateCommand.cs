using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api;
using Sync.Api.Catalog;
using Sync.Clients.Aws;
using Sync.Engine.Catalog;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli catalog update [--region R]... [--out FILE] [--profile P]</c>: refreshes the instance catalog from the AWS
/// Price List API and writes it, atomically, to the user's Sync directory (<see cref="CatalogResolver.UserCatalogPath"/>)
/// or <c>--out</c>, where every pricing command finds it without a rebuild; prints what changed.
/// </summary>
public sealed class CatalogUpdateCommand(IAnsiConsole console) : AsyncCommand<CatalogUpdateCommand.Settings>
{
    /// <summary>Exit code when AWS refused or failed (credentials, permission, throttling, network).</summary>
    public const int ServiceFailed = 1;

    private const int ChangesShown = 20;

    /// <summary>Arguments and options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>Regions to price.</summary>
        [CommandOption("--region <REGION>")]
        [Description("Region to price (repeatable). Default: the configured AWS region (AWS_REGION, the profile's), else us-east-1.")]
        public string[] Regions { get; init; } = [];

        /// <summary>Where to write the catalog.</summary>
        [CommandOption("--out <FILE>")]
        [Description("Write the catalog here instead of the Sync directory ($SYNC_HOME or ~/.sync, catalog/aws-instances.json).")]
        public string? Out { get; init; }

        /// <summary>An AWS profile.</summary>
        [CommandOption("--profile <PROFILE>")]
        [Description("AWS profile of the shared config/credentials files (default: AWS_PROFILE, environment variables, the default chain).")]
        public string? Profile { get; init; }

        /// <summary>A Price List endpoint override.</summary>
        [CommandOption("--endpoint-url <URL>")]
        [Description("Price List endpoint to use instead of AWS's (an emulator or a proxy).")]
        public string? EndpointUrl { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            EndpointUrl is not null && !Uri.TryCreate(EndpointUrl, UriKind.Absolute, out _)
                ? ValidationResult.Error($"--endpoint-url '{EndpointUrl}' is not an absolute URL")
                : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ResolvedCatalog current;
        try
        {
            current = CatalogResolver.Resolve();
        }
        catch (InvalidDataException e)
        {
            return Errors.Report(e.Message, null);
        }

        var regions = settings.Regions.Length > 0 ? settings.Regions : [DefaultRegion(settings.Profile)];
        var updater = new CatalogUpdater(new CatalogUpdaterOptions
        {
            Profile = settings.Profile,
            ServiceUrl = settings.EndpointUrl is null ? null : new Uri(settings.EndpointUrl),
        });
        var response = await updater.UpdateAsync(current.Catalog, regions, cancellationToken);
        if (!response.TryGetValue(out var update))
        {
            var error = response.Error!;
            var keeps = current.Origin == CatalogOrigin.BuiltIn ? "the built-in catalog" : "the current catalog";
            Errors.Report(error.Message, error.Hint?.Replace("the catalog of " + current.Catalog.Date, $"{keeps} ({current.Catalog.Date})", StringComparison.Ordinal));
            return error.Kind == SyncErrorKind.InvalidInput ? ExitCodes.BadInput : ServiceFailed;
        }

        var path = settings.Out is null ? CatalogResolver.UserCatalogPath() : Path.GetFullPath(settings.Out);
        try
        {
            update.Catalog.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Errors.Report($"Could not write the catalog to {path}: {e.Message}", "Check the folder's permissions, or pass another file (--out).");
        }

        var changes = update.Changes;
        if (settings.Output == OutputFormat.Json)
        {
            var document = new
            {
                path,
                previous = new { origin = current.Origin.ToString(), date = current.Catalog.Date, path = current.Path },
                date = update.Catalog.Date,
                regions,
                instanceTypes = update.Catalog.Instances.Count,
                products = update.Products,
                added = changes.Added,
                removed = changes.Removed,
                shapesChanged = changes.ShapesChanged,
                priceChanges = changes.Prices.Select(p => new
                {
                    instanceType = p.InstanceType, region = p.Region, charge = p.Charge, oldUsdPerHour = p.OldUsdPerHour, newUsdPerHour = p.NewUsdPerHour,
                    relative = p.Relative is { } r ? Math.Round(r, 6) : (double?)null,
                }),
                warnings = response.Warnings.Select(w => w.Message),
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        console.MarkupLine($"Catalog of {Markup.Escape(update.Catalog.Date)} written to [bold]{Markup.Escape(path)}[/]: {update.Catalog.Instances.Count} instance types, " +
                           $"regions {Markup.Escape(string.Join(", ", regions))} (was the {Markup.Escape(current.Description)}).");
        if (changes.IsEmpty)
        {
            console.MarkupLine("No changes.");
        }

        if (changes.Added.Count > 0)
        {
            console.MarkupLine($"[green]added ({changes.Added.Count}):[/] {Markup.Escape(string.Join(", ", changes.Added))}");
        }

        if (changes.Removed.Count > 0)
        {
            console.MarkupLine($"[red]removed ({changes.Removed.Count}):[/] {Markup.Escape(string.Join(", ", changes.Removed))}");
        }

        if (changes.ShapesChanged.Count > 0)
        {
            console.MarkupLine($"shape changed ({changes.ShapesChanged.Count}): {Markup.Escape(string.Join(", ", changes.ShapesChanged))}");
        }

        var changed = changes.Prices.Where(p => p.Relative is not null).ToList();
        foreach (var group in changes.Prices.Where(p => p.Relative is null).GroupBy(p => (p.Region, Appeared: p.OldUsdPerHour is null)))
        {
            console.MarkupLine($"{Markup.Escape(group.Key.Region)}: {group.Select(p => p.InstanceType).Distinct().Count()} types {(group.Key.Appeared ? "newly priced" : "no longer priced")}.");
        }

        if (changed.Count > 0)
        {
            console.MarkupLine($"{changed.Count} prices changed{(changed.Count > ChangesShown ? $", the {ChangesShown} largest" : "")} (USD per hour):");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Type").AddColumn("Region").AddColumn("Charge")
                .AddColumn(new TableColumn("Old").RightAligned()).AddColumn(new TableColumn("New").RightAligned()).AddColumn(new TableColumn("Change").RightAligned());
            foreach (var change in changed.Take(ChangesShown))
            {
                table.AddRow(Markup.Escape(change.InstanceType), Markup.Escape(change.Region), change.Charge, Price(change.OldUsdPerHour), Price(change.NewUsdPerHour),
                    change.Relative is { } r ? r.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "-");
            }

            console.Write(table);
        }

        foreach (var warning in response.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning.Message)}");
        }

        return ExitCodes.Success;
    }

    private static string Price(double? usd) => usd is { } value ? value.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    private static string DefaultRegion(string? profile)
    {
        try
        {
            return AwsEnvironment.ResolveRegion(null, profile);
        }
        catch (AwsConfigurationException)
        {
            return "us-east-1";
        }
    }
}
