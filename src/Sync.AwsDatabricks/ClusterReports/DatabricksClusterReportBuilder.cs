using System.Globalization;
using System.Text.RegularExpressions;
using Sync.Api;
using Sync.Clients.Databricks.Models;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;

namespace Sync.AwsDatabricks.ClusterReports;

/// <summary>
/// Builds the engine's <see cref="ClusterReport"/> (platform <c>aws-databricks</c>) from what the workspace says about
/// a terminated cluster: <c>clusters/get</c> (node types, size or autoscaling range, AWS attributes, Spark conf,
/// runtime), its events (creation, readiness, resizes, lost nodes, termination reason), <c>list-node-types</c> (node
/// type → EC2 instance type, checked against the <see cref="InstanceCatalog"/> for prices and DBU rates) and, when the
/// cluster ran a job, the run's timings. What the report cannot hold (resizes, lost nodes, abnormal termination,
/// unpriced types) comes back as warnings.
/// </summary>
internal static partial class DatabricksClusterReportBuilder
{
    public const string Platform = "aws-databricks";

    /// <summary>Builds the report.</summary>
    /// <exception cref="InvalidDataException">The cluster has not terminated or names no node type.</exception>
    public static (ClusterReport Report, IReadOnlyList<SyncWarning> Warnings) Build(
        ClusterDetails cluster, IReadOnlyList<ClusterEvent> events, IReadOnlyList<NodeType> nodeTypes, Run? run, InstanceCatalog catalog, string defaultRegion)
    {
        var warnings = new List<SyncWarning>();
        var ordered = events.OrderBy(e => e.Timestamp).ToList();

        var terminated = ordered.LastOrDefault(e => e.Type == "TERMINATED")?.Timestamp ?? cluster.TerminatedTime
            ?? throw new InvalidDataException($"Cluster {cluster.ClusterId} has not terminated (state {cluster.State}); its report is made once it has.");
        var requested = ordered.FirstOrDefault(e => e.Type == "CREATING")?.Timestamp ?? cluster.StartTime ?? terminated;
        var ready = ordered.FirstOrDefault(e => e.Type == "RUNNING")?.Timestamp;
        var task = run?.Tasks?.FirstOrDefault(t => t.ClusterInstance?.ClusterId == cluster.ClusterId) ?? run?.Tasks?.FirstOrDefault();
        long? executionStart = task is { StartTime: > 0, SetupDuration: { } setup } && (task.ExecutionDuration ?? 0) > 0 ? task.StartTime + setup : null;

        var workerNodeType = cluster.NodeTypeId
            ?? throw new InvalidDataException($"Cluster {cluster.ClusterId} names no node_type_id (instance pool {cluster.InstancePoolId ?? "-"}); the report needs the node type.");
        var driverNodeType = cluster.DriverNodeTypeId ?? workerNodeType;
        var workerType = Ec2Type(workerNodeType, nodeTypes, catalog, "worker", warnings);
        var driverType = Ec2Type(driverNodeType, nodeTypes, catalog, "driver", warnings);

        var workers = WorkerCount(cluster, ordered, ready, terminated, warnings);
        var ebs = Ebs(cluster.AwsAttributes);
        var nodes = new List<NodeGroup>();
        var availability = cluster.AwsAttributes?.Availability ?? "ON_DEMAND";
        var onDemandNodes = availability == "ON_DEMAND" ? int.MaxValue : Math.Max(0, cluster.AwsAttributes?.FirstOnDemand ?? 1);
        nodes.Add(new NodeGroup("driver", driverType, 1, onDemandNodes >= 1 ? "on-demand" : "spot", null, ebs));
        var onDemandWorkers = Math.Min(workers, Math.Max(0, onDemandNodes == int.MaxValue ? workers : onDemandNodes - 1));
        if (onDemandWorkers > 0 || workers == 0)
        {
            nodes.Add(new NodeGroup("worker", workerType, onDemandWorkers, "on-demand", null, ebs));
        }

        if (workers - onDemandWorkers > 0)
        {
            nodes.Add(new NodeGroup("worker", workerType, workers - onDemandWorkers, "spot", null, ebs));
            if (availability == "SPOT_WITH_FALLBACK")
            {
                warnings.Add(new SyncWarning("spot-fallback",
                    $"{workers - onDemandWorkers} worker(s) are counted as spot (SPOT_WITH_FALLBACK); the API does not say which fell back to on-demand."));
            }
        }

        foreach (var lost in ordered.Where(e => e.Type == "NODES_LOST"))
        {
            var count = (lost.Details?.TargetNumWorkers ?? 0) - (lost.Details?.CurrentNumWorkers ?? 0);
            warnings.Add(new SyncWarning("nodes-lost",
                $"{(count > 0 ? count.ToString(CultureInfo.InvariantCulture) : "Some")} worker node(s) were lost at {Time(lost.Timestamp)}{Reason(lost.Details?.Reason)}; the run had fewer executors for a while."));
        }

        foreach (var trouble in ordered.Where(e => e.Type is "DRIVER_NOT_RESPONDING" or "DRIVER_UNAVAILABLE" or "SPARK_EXCEPTION" or "FAILED_TO_EXPAND_DISK" or "DID_NOT_EXPAND_DISK" or "DBFS_DOWN" or "METASTORE_DOWN"))
        {
            warnings.Add(new SyncWarning("cluster-event", $"The cluster reported {trouble.Type} at {Time(trouble.Timestamp)}."));
        }

        var reason = ordered.LastOrDefault(e => e.Type == "TERMINATED")?.Details?.Reason ?? cluster.TerminationReason;
        if (reason is { Type: { } type } && type != "SUCCESS")
        {
            warnings.Add(new SyncWarning("abnormal-termination", $"The cluster terminated with {reason.Code} ({type}){Reason(reason, withCode: false)}."));
        }

        var report = new ClusterReport(
            ClusterReport.CurrentSchemaVersion,
            Platform,
            Region(cluster.AwsAttributes?.ZoneId, defaultRegion, warnings),
            nodes,
            cluster.SparkVersion,
            cluster.RuntimeEngine == "PHOTON" || (cluster.SparkVersion?.Contains("photon", StringComparison.OrdinalIgnoreCase) ?? false),
            cluster.SparkConf,
            new ClusterTimeline(Time(requested), ready is { } r ? Time(r) : null, executionStart is { } s ? Time(s) : null, Time(terminated)));
        return (report, warnings);
    }

    private static int WorkerCount(ClusterDetails cluster, List<ClusterEvent> events, long? ready, long terminated, List<SyncWarning> warnings)
    {
        var sizes = events.Where(e => e.Details?.CurrentNumWorkers is not null).Select(e => (e.Timestamp, Workers: e.Details!.CurrentNumWorkers!.Value)).ToList();
        if (cluster.Autoscale is not { } range)
        {
            return sizes.Count > 0 ? sizes.Max(s => s.Workers) : cluster.NumWorkers ?? 0;
        }

        var peak = sizes.Count > 0 ? sizes.Max(s => s.Workers) : range.MaxWorkers;
        var start = ready ?? sizes.FirstOrDefault().Timestamp;
        double weighted = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            var from = Math.Max(sizes[i].Timestamp, start);
            var to = i + 1 < sizes.Count ? sizes[i + 1].Timestamp : terminated;
            weighted += sizes[i].Workers * Math.Max(0, to - from);
        }

        var average = terminated > start && sizes.Count > 0 ? weighted / (terminated - start) : peak;
        var resizes = events.Count(e => e.Type is "RESIZING" or "UPSIZE_COMPLETED");
        warnings.Add(new SyncWarning("autoscaling",
            $"The cluster autoscaled between {range.MinWorkers} and {range.MaxWorkers} workers ({resizes} resize event(s)); it peaked at {peak} and averaged {average.ToString("0.0", CultureInfo.InvariantCulture)} while running. The report counts the peak, so its cost is an upper bound."));
        return peak;
    }

    private static string Ec2Type(string nodeTypeId, IReadOnlyList<NodeType> nodeTypes, InstanceCatalog catalog, string role, List<SyncWarning> warnings)
    {
        var nodeType = nodeTypes.FirstOrDefault(n => n.NodeTypeId == nodeTypeId);
        if (nodeType is null)
        {
            warnings.Add(new SyncWarning("unknown-node-type", $"The {role} node type {nodeTypeId} is not in the workspace's node types; it is taken as the EC2 instance type."));
        }

        var ec2 = nodeType?.Ec2InstanceType ?? nodeTypeId;
        if (!catalog.TryGet(ec2, out var instance))
        {
            warnings.Add(new SyncWarning("unpriced-instance", $"The {role} instance type {ec2} is not in the instance catalog ({catalog.Date}); its cost is unknown."));
        }
        else if (instance.DatabricksDbuPerHour is null)
        {
            warnings.Add(new SyncWarning("no-dbu-rate", $"The catalog has no Databricks DBU rate for {ec2}; DBU charges of the {role} are unknown."));
        }

        return ec2;
    }

    private static IReadOnlyList<EbsVolume>? Ebs(AwsAttributes? aws)
    {
        if (aws?.EbsVolumeCount is not > 0 || aws.EbsVolumeSize is not > 0)
        {
            return null;
        }

        var type = aws.EbsVolumeType switch
        {
            "THROUGHPUT_OPTIMIZED_HDD" => "st1",
            _ when aws.EbsVolumeIops is not null || aws.EbsVolumeThroughput is not null => "gp3",
            _ => "gp2",
        };
        return [new EbsVolume(type, aws.EbsVolumeSize.Value, aws.EbsVolumeCount.Value)];
    }

    private static string Region(string? zone, string defaultRegion, List<SyncWarning> warnings)
    {
        if (zone is not null && ZoneName().Match(zone) is { Success: true } match)
        {
            return match.Groups[1].Value;
        }

        warnings.Add(new SyncWarning("region-assumed", $"The cluster's zone is '{zone ?? "not set"}', so the region is taken to be {defaultRegion}."));
        return defaultRegion;
    }

    private static string Reason(TerminationReason? reason, bool withCode = true)
    {
        if (reason is null)
        {
            return "";
        }

        var parameters = reason.Parameters is { Count: > 0 } p ? string.Join(", ", p.Select(kv => $"{kv.Key}={kv.Value}")) : null;
        var code = withCode && reason.Code is not null ? reason.Code : null;
        var text = string.Join("; ", new[] { code, parameters }.Where(s => s is not null));
        return text.Length == 0 ? "" : $" ({text})";
    }

    private static DateTimeOffset Time(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs);

    [GeneratedRegex("^([a-z]{2}(?:-gov)?-[a-z]+-\\d+)[a-z]$")]
    private static partial Regex ZoneName();
}
