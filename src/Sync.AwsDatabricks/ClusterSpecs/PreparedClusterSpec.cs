using System.Text.Json.Nodes;

namespace Sync.AwsDatabricks.ClusterSpecs;

/// <summary>A cluster spec ready to submit: the user's spec with Sync's tags and log delivery, and where its logs will go.</summary>
/// <param name="Spec">The spec to submit as <c>new_cluster</c> (a copy; the input is not changed).</param>
/// <param name="LogDestination">Where the cluster delivers its logs (the user's own destination when the spec had one).</param>
/// <param name="KeptUserLogDestination">Whether the spec already had a <c>cluster_log_conf</c>, which was kept.</param>
public sealed record PreparedClusterSpec(JsonObject Spec, ClusterLogDestination LogDestination, bool KeptUserLogDestination);
