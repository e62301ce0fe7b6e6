namespace Sync.Engine.Clusters;

/// <summary>When the cluster was requested, ready, ran its first task, and terminated.</summary>
/// <param name="Requested">Cluster requested (billing of nodes starts about here).</param>
/// <param name="Ready">Cluster ready to run steps or jobs.</param>
/// <param name="FirstTask">First Spark task launched, when known.</param>
/// <param name="Terminated">Cluster terminated.</param>
public sealed record ClusterTimeline(DateTimeOffset Requested, DateTimeOffset? Ready, DateTimeOffset? FirstTask, DateTimeOffset Terminated);
