using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sync.Engine.Clusters;

/// <summary>
/// What a run's cluster was: platform, region, node groups with their instance types, counts, market and volumes, the
/// runtime, the Spark configuration in force and the cluster timeline. A documented, versioned JSON document
/// (<c>docs/cluster-report.md</c>, schema version <see cref="CurrentSchemaVersion"/>): the EMR and Databricks
/// integrations build it from their APIs, and users can write one by hand (examples in <c>samples/reports/</c>).
/// </summary>
/// <param name="SchemaVersion">The document's schema version.</param>
/// <param name="Platform"><c>aws-emr</c> or <c>aws-databricks</c>.</param>
/// <param name="Region">The AWS region, e.g. <c>us-east-1</c>.</param>
/// <param name="Nodes">The node groups.</param>
/// <param name="RuntimeVersion">EMR release label or Databricks runtime version.</param>
/// <param name="Photon">Whether Databricks Photon was on.</param>
/// <param name="SparkConf">The Spark configuration in force.</param>
/// <param name="Timeline">When the cluster was requested, ready, ran its first task and terminated.</param>
/// <param name="Spec">
/// The platform-native request that started the cluster, when known: a RunJobFlow request on EMR, a Clusters API create
/// spec on Databricks. Recommendations are written as copies of it, so that everything not tuned is kept.
/// </param>
public sealed record ClusterReport(
    int SchemaVersion,
    string Platform,
    string Region,
    IReadOnlyList<NodeGroup> Nodes,
    string? RuntimeVersion,
    bool Photon,
    IReadOnlyDictionary<string, string>? SparkConf,
    ClusterTimeline Timeline,
    JsonObject? Spec = null)
{
    /// <summary>The schema version this code reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The platforms a report may name.</summary>
    public static IReadOnlyList<string> Platforms { get; } = ["aws-emr", "aws-databricks"];

    /// <summary>Reads and validates a report.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">A name for messages (e.g. the file path).</param>
    /// <exception cref="InvalidDataException">The text is not a valid report; the message says what is wrong.</exception>
    public static ClusterReport Parse(string json, string name)
    {
        var report = JsonInput.Read(json, ClusterReportJsonContext.Default.ClusterReport, name, "a valid cluster report");
        var problems = report is null ? ["it is empty"] : report.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{name} is not a valid cluster report: {string.Join("; ", problems)}.");
        }

        return report!;
    }

    /// <summary>Writes the report as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ClusterReportJsonContext.Default.ClusterReport);

    private IEnumerable<string> Problems()
    {
        if (SchemaVersion != CurrentSchemaVersion)
        {
            yield return $"schemaVersion is {SchemaVersion}, this version of Sync reads {CurrentSchemaVersion}";
        }

        if (!Platforms.Contains(Platform))
        {
            yield return $"platform '{Platform}' is not one of {string.Join(", ", Platforms)}";
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            yield return "region is missing";
        }

        if (Nodes is null || Nodes.Count == 0)
        {
            yield return "nodes is empty";
        }
        else
        {
            foreach (var (node, i) in Nodes.Select((n, i) => (n, i)))
            {
                if (string.IsNullOrWhiteSpace(node.InstanceType))
                {
                    yield return $"nodes[{i}].instanceType is missing";
                }

                if (node.Count < 0)
                {
                    yield return $"nodes[{i}].count is negative";
                }
            }
        }

        if (Timeline is null)
        {
            yield return "timeline is missing";
        }
        else if (Timeline.Terminated < Timeline.Requested)
        {
            yield return "timeline.terminated is before timeline.requested";
        }
    }
}

/// <summary>Source-generated serializer metadata for <see cref="ClusterReport"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ClusterReport))]
internal sealed partial class ClusterReportJsonContext : JsonSerializerContext;
