using System.Text.Json;
using Sync.Api.Backends;
using Sync.Api.Models;
using Sync.Service.Contract;

namespace Sync.Api;

/// <summary>Runs (submissions): finished runs recorded in a project. Get one from <see cref="SyncClient.Runs"/>; every method is virtual for mocking.</summary>
public class RunsClient
{
    private readonly ISyncBackend _backend;

    internal RunsClient(ISyncBackend backend)
    {
        _backend = backend;
    }

    /// <summary>For mocking.</summary>
    protected RunsClient()
    {
        _backend = null!;
    }

    /// <summary>Records a finished run in a project.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="options">The run: its cluster report, event log location, code hash, runtime and cost.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recorded run, or an error (<see cref="SyncErrorKind.NotFound"/> project, <see cref="SyncErrorKind.InvalidInput"/> report).</returns>
    public virtual Task<Response<Run>> CreateAsync(string projectId, RunCreateOptions options, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            if (options is null)
            {
                throw Calls.Invalid("Run options are required.");
            }

            var location = options.EventLogLocation;
            if (_backend.ReadsLocalPaths && !string.IsNullOrWhiteSpace(location) && !location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("dbfs:", StringComparison.Ordinal))
            {
                location = Path.GetFullPath(location);
            }

            var request = new SubmissionRequestDto
            {
                SubmissionId = options.RunId, Status = options.Status == RunStatus.Failed ? RunStatuses.Failed : RunStatuses.Succeeded,
                StatusMessage = options.StatusMessage, Product = options.ProductCode, ClusterReport = ReportJson.Parse(options.ClusterReportJson, "The cluster report"), EventLogUri = location,
                CodeHash = options.CodeHash, RuntimeSeconds = options.Runtime?.TotalSeconds, CostUsd = options.CostUsd,
            };
            return Response.FromValue(ModelMapper.ToModel(await _backend.CreateRunAsync(Ids.Check(projectId, "project"), request, cancellationToken)));
        }, cancellationToken);

    /// <summary>Gets a recorded run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response<Run>> GetAsync(string runId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue(ModelMapper.ToModel(await _backend.GetRunAsync(Ids.Check(runId, "run"), cancellationToken))), cancellationToken);

    /// <summary>Lists a project's runs, oldest first.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response<IReadOnlyList<Run>>> ListAsync(string projectId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue<IReadOnlyList<Run>>(
            (await _backend.ListRunsAsync(Ids.Check(projectId, "project"), cancellationToken)).Select(ModelMapper.ToModel).ToList()), cancellationToken);
}
