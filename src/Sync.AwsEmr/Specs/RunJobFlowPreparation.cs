using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Clients.Aws.S3;

namespace Sync.AwsEmr.Specs;

/// <summary>
/// Makes a user's RunJobFlow request (JSON as in the EMR API reference) ready for a recorded run, as a pure JSON
/// transformation: validates it (problems name the member, e.g. <c>Instances.InstanceGroups[1].InstanceCount must be
/// a positive integer</c>), then returns a copy with the <c>sync:project-id</c> and <c>sync:run-id</c> tags (other tags
/// kept) and Spark event logging to <c>&lt;location&gt;/eventlog/</c> merged into the <c>spark-defaults</c>
/// classification (added when missing) without touching the user's other properties. Rules when the user already set
/// event logging (see docs/aws-emr.md): <c>spark.eventLog.enabled</c> other than <c>true</c> is set to <c>true</c>
/// with a warning (a run without a log cannot be recorded); an S3 <c>spark.eventLog.dir</c> is kept and reported as
/// the run's event-log directory, with a warning; any other <c>spark.eventLog.dir</c> (HDFS, local) is replaced,
/// with a warning, because it disappears with the cluster.
/// </summary>
public static class RunJobFlowPreparation
{
    /// <summary>The tag that names the Sync project of a cluster.</summary>
    public const string ProjectTag = "sync:project-id";

    /// <summary>The tag that names the Sync run of a cluster.</summary>
    public const string RunTag = "sync:run-id";

    private const string SparkDefaults = "spark-defaults";
    private const string EnabledKey = "spark.eventLog.enabled";
    private const string DirKey = "spark.eventLog.dir";

    /// <summary>Reads a RunJobFlow request from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The request, or an <see cref="SyncErrorKind.InvalidInput"/> error with the line and position of a syntax error.</returns>
    public static Response<JsonObject> Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) is JsonObject spec
                ? Response.FromValue(spec)
                : Response.FromError<JsonObject>(Invalid("The RunJobFlow request must be a JSON object."));
        }
        catch (JsonException e)
        {
            return Response.FromError<JsonObject>(Invalid(
                $"The RunJobFlow request is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}"));
        }
    }

    /// <summary>The problems of a RunJobFlow request; empty when EMR can be asked to run it.</summary>
    /// <param name="spec">The request.</param>
    public static IReadOnlyList<SpecProblem> Validate(JsonNode? spec) => RunJobFlowValidator.Check(spec);

    /// <summary>Validates <paramref name="spec"/> and returns a copy with project tags and event logging.</summary>
    /// <param name="spec">The user's request (not changed).</param>
    /// <param name="projectId">The Sync project id.</param>
    /// <param name="runId">The Sync run id.</param>
    /// <param name="location">The run's S3 location (<c>&lt;project location&gt;/&lt;project id&gt;/&lt;UTC timestamp&gt;/&lt;run id&gt;</c>).</param>
    /// <returns>The prepared request with warnings, or an <see cref="SyncErrorKind.InvalidInput"/> error listing every problem.</returns>
    public static Response<PreparedRunJobFlow> Prepare(JsonObject spec, string projectId, string runId, S3Location location)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(location);
        if (string.IsNullOrWhiteSpace(projectId) || string.IsNullOrWhiteSpace(runId))
        {
            return Response.FromError<PreparedRunJobFlow>(Invalid("A project id and a run id are required to prepare a RunJobFlow request."));
        }

        var problems = Validate(spec);
        if (problems.Count > 0)
        {
            return Response.FromError<PreparedRunJobFlow>(new SyncError(SyncErrorKind.InvalidInput,
                $"The RunJobFlow request has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}: {string.Join("; ", problems)}.",
                "Fix the members named; the EMR API reference (RunJobFlow) lists each member's type.",
                "invalid-run-job-flow"));
        }

        var warnings = new List<SyncWarning>();
        var copy = (JsonObject)spec.DeepClone();
        Tag(copy, ProjectTag, projectId, warnings);
        Tag(copy, RunTag, runId, warnings);
        var directory = EnableEventLog(copy, location.Combine("eventlog/"), warnings);
        return Response.FromValue(new PreparedRunJobFlow(copy, directory), warnings);
    }

    private static void Tag(JsonObject spec, string key, string value, List<SyncWarning> warnings)
    {
        var tags = spec["Tags"] as JsonArray ?? [];
        spec["Tags"] = tags;
        foreach (var existing in tags.OfType<JsonObject>().Where(t => (string?)t["Key"] == key).ToList())
        {
            if ((string?)existing["Value"] != value)
            {
                warnings.Add(new SyncWarning("tag-replaced", $"Tag {key}={(string?)existing["Value"]} was replaced by {key}={value}."));
            }

            tags.Remove(existing);
        }

        tags.Add(new JsonObject { ["Key"] = key, ["Value"] = value });
    }

    private static S3Location EnableEventLog(JsonObject spec, S3Location ours, List<SyncWarning> warnings)
    {
        var configurations = spec["Configurations"] as JsonArray ?? [];
        spec["Configurations"] = configurations;
        var defaults = configurations.OfType<JsonObject>().FirstOrDefault(c => (string?)c["Classification"] == SparkDefaults);
        if (defaults is null)
        {
            defaults = new JsonObject { ["Classification"] = SparkDefaults };
            configurations.Add(defaults);
        }

        var properties = defaults["Properties"] as JsonObject ?? [];
        defaults["Properties"] = properties;

        var enabled = (string?)properties[EnabledKey];
        if (enabled is not null && !string.Equals(enabled.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new SyncWarning("event-log-enabled",
                $"{EnabledKey} was '{enabled}'; it is set to true, because Sync records a run from its event log."));
        }

        properties[EnabledKey] = "true";

        var dir = (string?)properties[DirKey];
        if (dir is null)
        {
            properties[DirKey] = ours.ToString();
            return ours;
        }

        if (S3Location.TryParse(dir, out var users))
        {
            if (users.AsFolder() != ours)
            {
                warnings.Add(new SyncWarning("event-log-dir-kept",
                    $"{DirKey} is already {dir}; it is kept, so the event log is written there instead of {ours}, and recording the run reads it from there."));
            }

            return users.AsFolder();
        }

        warnings.Add(new SyncWarning("event-log-dir-replaced",
            $"{DirKey} was {dir}, which is lost when the cluster terminates; it is set to {ours} so that the run can be recorded."));
        properties[DirKey] = ours.ToString();
        return ours;
    }

    private static SyncError Invalid(string message) =>
        new(SyncErrorKind.InvalidInput, message, "Give a RunJobFlow request as JSON, as in the EMR API reference.", "invalid-run-job-flow");
}
