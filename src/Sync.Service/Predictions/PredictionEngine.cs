using System.Text.Json;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;
using Sync.Engine.Reports;
using Sync.Engine.Simulation;
using Sync.Service.Contract;

namespace Sync.Service.Predictions;

/// <summary>
/// Runs the prediction engine on one event log and report and turns its <see cref="Recommendation"/> into the stored
/// result document, or into the <see cref="PredictionReport"/> page, with the catalog and the model's error bands
/// (<see cref="ModelErrorBands.Resolve"/>) it was given.
/// </summary>
internal sealed class PredictionEngine(Lazy<InstanceCatalog> catalog, Lazy<ModelErrorBands> bands)
{
    public async Task<PredictionResultDto> PredictAsync(string eventLogPath, string reportJson, double? slaSeconds, CancellationToken cancellationToken)
    {
        var (app, report, _, recommendation) = await RecommendAsync(eventLogPath, reportJson, slaSeconds, cancellationToken);
        var solutions = new Dictionary<string, SolutionDto>
        {
            ["performance"] = Describe(recommendation.Performance),
            ["balanced"] = Describe(recommendation.Balanced),
            ["economy"] = Describe(recommendation.Economy),
        };
        if (recommendation.WithinDeadline is { } within)
        {
            solutions["within_sla"] = Describe(within);
        }

        return new PredictionResultDto
        {
            ApplicationId = app.Info.Id,
            ApplicationName = app.Info.Name,
            Basis = new SolutionDto
            {
                Configuration = Json(report.ToJson()),
                Metrics = new MetricsDto { Runtime = recommendation.ObservedRuntimeMs / 1000.0, Cost = Math.Round(recommendation.Observed.Cost.TotalUsd, 4) },
                WorkerNodes = recommendation.Observed.WorkerNodes,
                WorkerInstanceType = recommendation.Observed.WorkerInstanceType,
                Executors = recommendation.Observed.Shape.Executors,
                CoresPerExecutor = recommendation.Observed.Shape.CoresPerExecutor,
            },
            Solutions = solutions,
            Front = recommendation.Front.Select(s => new FrontPointDto { WorkerNodes = s.WorkerNodes, WorkerInstanceType = s.WorkerInstanceType, Metrics = Metrics(s) }).ToList(),
            Candidates = recommendation.Candidates,
            EngineWarnings = recommendation.Warnings.ToList(),
            ReconstructionError = Math.Round(recommendation.ReconstructionError, 4),
            CatalogDate = catalog.Value.Date,
        };
    }

    /// <summary>Runs the engine again on the prediction's inputs and draws its HTML report (the same page <c>sync-cli predictions report</c> writes).</summary>
    public async Task<string> ReportAsync(string eventLogPath, string reportJson, double? slaSeconds, CancellationToken cancellationToken)
    {
        var (app, _, deadline, recommendation) = await RecommendAsync(eventLogPath, reportJson, slaSeconds, cancellationToken);
        return PredictionReport.Html(app, recommendation, deadline);
    }

    private async Task<(Engine.Applications.SparkApplication App, ClusterReport Report, TimeSpan? Deadline, Recommendation Recommendation)> RecommendAsync(
        string eventLogPath, string reportJson, double? slaSeconds, CancellationToken cancellationToken)
    {
        var app = await EventLogReader.ReadAsync(eventLogPath, cancellationToken);
        var report = ClusterReport.Parse(reportJson, "configs");
        var deadline = slaSeconds is { } sla ? TimeSpan.FromSeconds(sla) : (TimeSpan?)null;
        var recommendation = await Task.Run(() => new Recommender(catalog.Value, bands.Value).Recommend(app, report, deadline), cancellationToken);
        return (app, report, deadline, recommendation);
    }

    private static SolutionDto Describe(Solution solution) => new()
    {
        Configuration = Json(solution.Report.ToJson()),
        Metrics = Metrics(solution),
        WorkerNodes = solution.WorkerNodes,
        WorkerInstanceType = solution.WorkerInstanceType,
        Executors = solution.Shape.Executors,
        CoresPerExecutor = solution.Shape.CoresPerExecutor,
        Warnings = solution.Warnings.Concat(solution.Cost.Notes).Distinct().ToList(),
        Changes = solution.Changes.ToList(),
        PlatformConfiguration = solution.PlatformConfiguration is { } spec ? Json(spec.ToJsonString()) : null,
    };

    private static MetricsDto Metrics(Solution solution) => new()
    {
        Runtime = solution.PredictedRuntimeMs / 1000.0,
        Cost = Math.Round(solution.Cost.TotalUsd, 4),
        RuntimeInterval = solution.Interval is { } i
            ? new RuntimeIntervalDto { P10 = i.LowMs / 1000.0, P50 = i.MedianMs / 1000.0, P90 = i.HighMs / 1000.0 }
            : null,
    };

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
