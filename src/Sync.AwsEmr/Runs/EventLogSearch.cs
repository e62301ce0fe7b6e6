using Sync.Api.Models;
using Sync.Clients.Aws.Emr.Model;
using Sync.Clients.Aws.S3;

namespace Sync.AwsEmr.Runs;

/// <summary>
/// Where a terminated cluster's run keeps its artifacts and where Spark wrote its event log: the run's folder comes
/// from the cluster's <c>spark.eventLog.dir</c> when it lies in the project layout (<see cref="RunArtifactLocation.TryParse"/>),
/// else from a listing of the project's folder for the run id; the event log is at <c>spark.eventLog.dir</c> when it
/// is on S3, else in the run folder's <c>eventlog/</c>. <see cref="LookedAt"/> says where it looked, for messages.
/// </summary>
/// <param name="Location">The run's folder in the project layout, when found.</param>
/// <param name="EventLogDirectory">The event-log prefix, when one is known.</param>
/// <param name="LookedAt">Where the search looked, in order.</param>
internal sealed record EventLogSearch(RunArtifactLocation? Location, S3Location? EventLogDirectory, IReadOnlyList<string> LookedAt)
{
    private const string DirKey = "spark.eventLog.dir";

    /// <summary>Searches.</summary>
    /// <param name="cluster">The cluster as DescribeCluster gave it.</param>
    /// <param name="project">The run's project.</param>
    /// <param name="runId">The run id the cluster is tagged with, or <see langword="null"/>.</param>
    /// <param name="s3">Lists the project's folder when needed.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<EventLogSearch> FindAsync(Cluster cluster, Project project, string? runId, S3Storage s3, CancellationToken cancellationToken)
    {
        var looked = new List<string>();
        var dir = ConfiguredDirectory(cluster);
        RunArtifactLocation? location = null;
        if (runId is not null)
        {
            if (!RunArtifactLocation.TryParse(dir, project.Id, runId, out location)
                && project.ArtifactLocation is { } root && S3Location.TryParse($"{root.TrimEnd('/')}/{project.Id}/", out var projectFolder))
            {
                var marker = $"/{runId}/";
                var key = (await s3.ListAsync(projectFolder, cancellationToken).ConfigureAwait(false))
                    .Select(o => o.Location.ToString())
                    .FirstOrDefault(k => k.Contains(marker, StringComparison.Ordinal));
                RunArtifactLocation.TryParse(key?[..(key.IndexOf(marker, StringComparison.Ordinal) + marker.Length)], project.Id, runId, out location);
            }

            if (location is null && project.ArtifactLocation is { } artifacts)
            {
                looked.Add($"the project layout {artifacts.TrimEnd('/')}/{project.Id}/<UTC start>/{runId}/eventlog/");
            }
        }

        if (S3Location.TryParse(dir, out var fromConfiguration))
        {
            looked.Add($"{DirKey} {dir}");
            return new EventLogSearch(location, fromConfiguration.AsFolder(), looked);
        }

        if (location is not null)
        {
            looked.Add(location.EventLogDirectory);
            return new EventLogSearch(location, S3Location.Parse(location.EventLogDirectory), looked);
        }

        looked.Add(dir is null ? $"{DirKey} (not set in the cluster's spark-defaults)" : $"{DirKey} {dir} (not on S3, so lost with the cluster)");
        return new EventLogSearch(null, null, looked);
    }

    /// <summary>The cluster's <c>spark.eventLog.dir</c> from its <c>spark-defaults</c> classification, if set.</summary>
    /// <param name="cluster">The cluster.</param>
    public static string? ConfiguredDirectory(Cluster cluster) =>
        (cluster.Configurations ?? [])
        .Where(c => c.Classification == "spark-defaults")
        .Select(c => c.Properties?.GetValueOrDefault(DirKey))
        .LastOrDefault(d => d is not null);
}
