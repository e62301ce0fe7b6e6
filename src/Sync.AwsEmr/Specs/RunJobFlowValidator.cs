using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Clients.Aws.Emr.Model;

namespace Sync.AwsEmr.Specs;

/// <summary>
/// Checks a RunJobFlow request (JSON as in the EMR API reference) for the mistakes EMR would reject or that would make
/// the run unusable, naming the member: required members, types, enum values, positive counts, one master group or
/// fleet. Members it does not know are left to EMR. Member names are case-sensitive; a required member written in
/// another case is reported with the spelling EMR expects.
/// </summary>
internal sealed class RunJobFlowValidator
{
    private static readonly string[] Roles = [NodeRole.Master, NodeRole.Core, NodeRole.Task];
    private static readonly string[] Markets = [MarketType.OnDemand, MarketType.Spot];
    private static readonly string[] StepActions = [ActionOnFailure.TerminateJobFlow, ActionOnFailure.TerminateCluster, ActionOnFailure.CancelAndWait, ActionOnFailure.Continue];

    private readonly List<SpecProblem> _problems = [];

    /// <summary>The problems of <paramref name="spec"/>, none when it is acceptable.</summary>
    /// <param name="spec">The request.</param>
    public static IReadOnlyList<SpecProblem> Check(JsonNode? spec)
    {
        var validator = new RunJobFlowValidator();
        validator.Request(spec);
        return validator._problems;
    }

    private void Request(JsonNode? spec)
    {
        if (spec is not JsonObject root)
        {
            Add("", "the RunJobFlow request must be a JSON object");
            return;
        }

        if (Required(root, "", "Name") is { } name && !IsNonEmptyString(name))
        {
            Add("Name", "must be a non-empty string");
        }

        OptionalString(root, "", "ReleaseLabel");
        OptionalString(root, "", "LogUri");
        if (Required(root, "", "Instances") is { } instances)
        {
            Instances(instances);
        }

        Configurations(root["Configurations"], "Configurations");
        ForEach(root, "", "Tags", (tag, path) =>
        {
            if (Required(tag, path, "Key") is { } key && !IsNonEmptyString(key))
            {
                Add($"{path}.Key", "must be a non-empty string");
            }

            OptionalString(tag, path, "Value");
        });
        ForEach(root, "", "Steps", (step, path) =>
        {
            if (Required(step, path, "Name") is { } stepName && !IsNonEmptyString(stepName))
            {
                Add($"{path}.Name", "must be a non-empty string");
            }

            OneOf(step, path, "ActionOnFailure", StepActions);
            if (Required(step, path, "HadoopJarStep") is { } jar)
            {
                if (jar is not JsonObject jarObject)
                {
                    Add($"{path}.HadoopJarStep", "must be an object");
                }
                else if (Required(jarObject, $"{path}.HadoopJarStep", "Jar") is { } jarPath && !IsNonEmptyString(jarPath))
                {
                    Add($"{path}.HadoopJarStep.Jar", "must be a non-empty string");
                }
            }
        });
        ForEach(root, "", "BootstrapActions", (action, path) =>
        {
            Required(action, path, "Name");
            if (Required(action, path, "ScriptBootstrapAction") is { } script)
            {
                if (script is not JsonObject scriptObject)
                {
                    Add($"{path}.ScriptBootstrapAction", "must be an object");
                }
                else if (Required(scriptObject, $"{path}.ScriptBootstrapAction", "Path") is { } scriptPath && !IsNonEmptyString(scriptPath))
                {
                    Add($"{path}.ScriptBootstrapAction.Path", "must be a non-empty string");
                }
            }
        });
    }

    private void Instances(JsonNode instances)
    {
        if (instances is not JsonObject config)
        {
            Add("Instances", "must be an object");
            return;
        }

        var groups = config["InstanceGroups"];
        var fleets = config["InstanceFleets"];
        if (groups is not null && fleets is not null)
        {
            Add("Instances", "gives both InstanceGroups and InstanceFleets; EMR takes one of them");
        }
        else if (groups is null && fleets is null && config["MasterInstanceType"] is null)
        {
            Add("Instances", "must give InstanceGroups, InstanceFleets or MasterInstanceType");
        }

        if (config["InstanceCount"] is { } count && !IsPositiveInteger(count))
        {
            Add("Instances.InstanceCount", "must be a positive integer");
        }

        OptionalString(config, "Instances", "MasterInstanceType");
        OptionalString(config, "Instances", "SlaveInstanceType");

        var masters = 0;
        ForEach(config, "Instances", "InstanceGroups", (group, path) =>
        {
            masters += group["InstanceRole"]?.GetValueKind() == JsonValueKind.String && (string?)group["InstanceRole"] == NodeRole.Master ? 1 : 0;
            RequiredOneOf(group, path, "InstanceRole", Roles);
            InstanceType(group, path);
            if (Required(group, path, "InstanceCount") is { } instanceCount && !IsPositiveInteger(instanceCount))
            {
                Add($"{path}.InstanceCount", "must be a positive integer");
            }

            OneOf(group, path, "Market", Markets);
            OptionalString(group, path, "BidPrice");
            Configurations(group["Configurations"], $"{path}.Configurations");
        });
        if (groups is JsonArray && masters != 1)
        {
            Add("Instances.InstanceGroups", $"must have exactly one group with InstanceRole MASTER (found {masters})");
        }

        masters = 0;
        ForEach(config, "Instances", "InstanceFleets", (fleet, path) =>
        {
            masters += fleet["InstanceFleetType"]?.GetValueKind() == JsonValueKind.String && (string?)fleet["InstanceFleetType"] == NodeRole.Master ? 1 : 0;
            RequiredOneOf(fleet, path, "InstanceFleetType", Roles);
            var onDemand = NonNegative(fleet, path, "TargetOnDemandCapacity");
            var spot = NonNegative(fleet, path, "TargetSpotCapacity");
            if (onDemand + spot == 0)
            {
                Add(path, "must ask for capacity: TargetOnDemandCapacity or TargetSpotCapacity above 0");
            }

            if (fleet["InstanceTypeConfigs"] is not JsonArray { Count: > 0 })
            {
                Add($"{path}.InstanceTypeConfigs", "must be a non-empty array");
            }

            ForEach(fleet, path, "InstanceTypeConfigs", (type, typePath) =>
            {
                InstanceType(type, typePath);
                if (type["WeightedCapacity"] is { } weight && !IsPositiveInteger(weight))
                {
                    Add($"{typePath}.WeightedCapacity", "must be a positive integer");
                }

                Configurations(type["Configurations"], $"{typePath}.Configurations");
            });
        });
        if (fleets is JsonArray && masters != 1)
        {
            Add("Instances.InstanceFleets", $"must have exactly one fleet with InstanceFleetType MASTER (found {masters})");
        }
    }

    private void Configurations(JsonNode? configurations, string path)
    {
        if (configurations is null)
        {
            return;
        }

        if (configurations is not JsonArray array)
        {
            Add(path, "must be an array");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is not JsonObject configuration)
            {
                Add(itemPath, "must be an object");
                continue;
            }

            OptionalString(configuration, itemPath, "Classification");
            if (configuration["Properties"] is { } properties)
            {
                if (properties is not JsonObject map)
                {
                    Add($"{itemPath}.Properties", "must be an object of string values");
                }
                else
                {
                    foreach (var (key, value) in map)
                    {
                        if (value?.GetValueKind() != JsonValueKind.String)
                        {
                            Add($"{itemPath}.Properties.{key}", "must be a string (EMR takes every property value as text)");
                        }
                    }
                }
            }

            Configurations(configuration["Configurations"], $"{itemPath}.Configurations");
        }
    }

    private void InstanceType(JsonObject item, string path)
    {
        if (Required(item, path, "InstanceType") is { } type && !IsNonEmptyString(type))
        {
            Add($"{path}.InstanceType", "must be a non-empty string such as m5.xlarge");
        }
    }

    private int NonNegative(JsonObject item, string path, string member)
    {
        if (item[member] is not { } value)
        {
            return 0;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out var number) && number >= 0)
        {
            return number;
        }

        Add($"{path}.{member}", "must be a non-negative integer");
        return 0;
    }

    private void ForEach(JsonObject parent, string parentPath, string member, Action<JsonObject, string> check)
    {
        var path = Join(parentPath, member);
        switch (parent[member])
        {
            case null:
                return;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        check(item, $"{path}[{i}]");
                    }
                    else
                    {
                        Add($"{path}[{i}]", "must be an object");
                    }
                }

                return;
            default:
                Add(path, "must be an array");
                return;
        }
    }

    private JsonNode? Required(JsonObject parent, string parentPath, string member)
    {
        if (parent[member] is { } value)
        {
            return value;
        }

        var path = Join(parentPath, member);
        var otherCase = parent.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, member, StringComparison.OrdinalIgnoreCase));
        Add(path, otherCase is null ? "is required" : $"is required (found '{otherCase}': member names are case-sensitive)");
        return null;
    }

    private void RequiredOneOf(JsonObject parent, string parentPath, string member, string[] allowed)
    {
        if (Required(parent, parentPath, member) is not null)
        {
            OneOf(parent, parentPath, member, allowed);
        }
    }

    private void OneOf(JsonObject parent, string parentPath, string member, string[] allowed)
    {
        if (parent[member] is { } value && (value.GetValueKind() != JsonValueKind.String || !allowed.Contains((string?)value, StringComparer.Ordinal)))
        {
            Add(Join(parentPath, member), $"must be one of {string.Join(", ", allowed)} (found {value.ToJsonString()})");
        }
    }

    private void OptionalString(JsonObject parent, string parentPath, string member)
    {
        if (parent[member] is { } value && value.GetValueKind() != JsonValueKind.String)
        {
            Add(Join(parentPath, member), "must be a string");
        }
    }

    private static bool IsNonEmptyString(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)node);

    private static bool IsPositiveInteger(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var number) && number > 0;

    private static string Join(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";

    private void Add(string path, string problem) =>
        _problems.Add(new SpecProblem(path, path.Length == 0 ? char.ToUpperInvariant(problem[0]) + problem[1..] : $"{path} {problem}"));
}
