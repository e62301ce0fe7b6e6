using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions list [--project ID] [--product CODE] [--status S] [--limit N]</c>.</summary>
public sealed class PredictionsListCommand(IAnsiConsole console) : AsyncCommand<PredictionsListCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>Only this project's.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("Only predictions of this project.")]
        public string? Project { get; init; }

        /// <summary>Only these products.</summary>
        [CommandOption("--product <CODE>")]
        [Description("Only predictions for this product (aws-emr, aws-databricks); may be repeated.")]
        public string[] Products { get; init; } = [];

        /// <summary>Only in this status.</summary>
        [CommandOption("--status <STATUS>")]
        [Description("Only predictions in this status: AwaitingUpload, Pending, Running, Success or Failure.")]
        public PredictionStatus? Status { get; init; }

        /// <summary>At most this many.</summary>
        [CommandOption("--limit <N>")]
        [Description("At most this many, newest first (default 100).")]
        [DefaultValue(100)]
        public int Limit { get; init; } = 100;
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Predictions.ListAsync(new PredictionListOptions
        {
            ProjectId = settings.Project, ProductCodes = settings.Products, Status = settings.Status, Limit = settings.Limit,
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, response.Value.Select(p => new
            {
                predictionId = p.Id, status = PredictionRenderer.Status(p.Status), projectId = p.ProjectId, runId = p.RunId, applicationName = p.ApplicationName,
                productCode = p.ProductCode, preference = p.Preference, createdAt = p.CreatedAt, error = p.Error?.Message,
                recommended = p.Recommended is { } r ? new { workerNodes = r.WorkerNodes, predictedRuntimeMs = (long)Math.Round(r.Runtime.TotalMilliseconds), costUsd = r.CostUsd } : null,
            }));
        }
        else if (response.Value.Count == 0)
        {
            console.MarkupLine("No predictions yet: create one with [bold]sync-cli predictions create --event-log PATH --report PATH[/].");
        }
        else
        {
            PredictionRenderer.WriteTable(console, response.Value);
        }

        return ExitCodes.Success;
    }
}
