using System.Text.Json.Nodes;
using Sync.Clients.Aws.S3;

namespace Sync.AwsEmr.Specs;

/// <summary>A RunJobFlow spec made ready by <see cref="RunJobFlowPreparation.Prepare"/>.</summary>
/// <param name="Spec">The prepared copy (the user's object is left as it was).</param>
/// <param name="EventLogDirectory">Where the cluster's Spark writes its event logs (<c>spark.eventLog.dir</c> in force).</param>
public sealed record PreparedRunJobFlow(JsonObject Spec, S3Location EventLogDirectory);
