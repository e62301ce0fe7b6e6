using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.Emr.Model;
using Sync.Tests.Support;

namespace Sync.Clients.Tests.Aws.Emr;

/// <summary>
/// Every modelled EMR shape against the official API model (<c>../shared/data/api-models/aws-emr/service-2.json</c>):
/// member names and their shapes, required members, enum values and timestamps — read from the model, not by eye.
/// </summary>
public sealed class EmrModelConformanceTests
{
    private static readonly JsonElement Shapes = LoadShapes();

    private static readonly Type[] ModelTypes = typeof(EmrServiceClient).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<EmrShapeAttribute>() is not null)
        .ToArray();

    public static TheoryData<string> StructureTypes() => [.. ModelTypes.Where(t => !IsStatic(t)).Select(t => t.Name)];

    public static TheoryData<string> EnumTypes() => [.. ModelTypes.Where(IsStatic).Select(t => t.Name)];

    [Fact]
    public void Every_operation_the_client_calls_exists_with_the_modelled_input_and_output()
    {
        var model = JsonDocument.Parse(File.ReadAllText(RepoPaths.EmrApiModel)).RootElement;
        Assert.Equal("json", model.GetProperty("metadata").GetProperty("protocol").GetString());
        Assert.Equal("1.1", model.GetProperty("metadata").GetProperty("jsonVersion").GetString());
        Assert.Equal("ElasticMapReduce", model.GetProperty("metadata").GetProperty("targetPrefix").GetString());
        var metadata = model.GetProperty("metadata");
        var signingName = metadata.TryGetProperty("signingName", out var signing) ? signing : metadata.GetProperty("endpointPrefix");
        Assert.Equal("elasticmapreduce", signingName.GetString());

        var operations = model.GetProperty("operations");
        foreach (var name in new[] { "RunJobFlow", "DescribeCluster", "ListInstanceGroups", "ListInstanceFleets", "ListInstances", "ListBootstrapActions", "ListSteps", "TerminateJobFlows", "AddTags" })
        {
            var operation = operations.GetProperty(name);
            var input = operation.GetProperty("input").GetProperty("shape").GetString()!;
            Assert.Contains(ModelTypes, t => ShapesOf(t).Contains(input));
            if (operation.TryGetProperty("output", out var output))
            {
                Assert.Contains(ModelTypes, t => ShapesOf(t).Contains(output.GetProperty("shape").GetString()!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(StructureTypes))]
    public void Structure_members_match_the_model(string typeName)
    {
        var type = ModelTypes.Single(t => t.Name == typeName);
        foreach (var shapeName in ShapesOf(type))
        {
            var shape = Shape(shapeName);
            Assert.Equal("structure", shape.GetProperty("type").GetString());
            var members = shape.GetProperty("members");
            var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];

            foreach (var property in ModelledProperties(type))
            {
                var where = $"{type.Name}.{property.Name} ({shapeName})";
                Assert.True(members.TryGetProperty(property.Name, out var member), $"{where}: no such member in the model");
                CheckType(property.PropertyType, member.GetProperty("shape").GetString()!, where);
                Assert.True(required.Contains(property.Name) == IsRequired(property),
                    $"{where}: required in the model = {required.Contains(property.Name)}, in the code = {IsRequired(property)}");
            }

            foreach (var name in required)
            {
                Assert.True(ModelledProperties(type).Any(p => p.Name == name), $"{type.Name} ({shapeName}) lacks required member {name}");
            }

            var hasExtension = type.GetProperties().Any(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);
            var allModelled = members.EnumerateObject().All(m => ModelledProperties(type).Any(p => p.Name == m.Name));
            Assert.True(allModelled || hasExtension, $"{type.Name} ({shapeName}) leaves members out but has no extension data to keep them");
        }
    }

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void Enum_values_match_the_model(string typeName)
    {
        var type = ModelTypes.Single(t => t.Name == typeName);
        var values = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(values);
        foreach (var shapeName in ShapesOf(type))
        {
            var allowed = Shape(shapeName).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(allowed.OrderBy(v => v, StringComparer.Ordinal), values.OrderBy(v => v, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Timestamps_are_written_and_read_as_epoch_seconds()
    {
        var timeline = new EmrTimeline { CreationDateTime = DateTimeOffset.FromUnixTimeMilliseconds(1479413437342) };
        var json = JsonSerializer.Serialize(timeline, EmrJson.Options);
        Assert.Equal("{\"CreationDateTime\":1479413437.342}", json);

        var read = JsonSerializer.Deserialize<EmrTimeline>("{\"CreationDateTime\":1479413437.342,\"ReadyDateTime\":1479413864}", EmrJson.Options)!;
        Assert.Equal(1479413437342, read.CreationDateTime!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(1479413864000, read.ReadyDateTime!.Value.ToUnixTimeMilliseconds());
        Assert.Null(read.EndDateTime);
    }

    [Fact]
    public void Unmodelled_members_of_a_real_spec_round_trip()
    {
        var path = Path.Combine(RepoPaths.SharedData, "cluster-specs", "awsdocs-amazon-emr-management-guide", "emr-plan-ha-placementgroup__RunJobFlow-request.json");
        var original = JsonDocument.Parse(File.ReadAllText(path)).RootElement;

        var typed = JsonSerializer.Deserialize<RunJobFlowInput>(original.GetRawText(), EmrJson.Options)!;
        var again = JsonDocument.Parse(JsonSerializer.Serialize(typed, EmrJson.Options)).RootElement;

        Assert.Equal(2, typed.Instances.InstanceGroups!.Count);
        Assert.True(typed.AdditionalMembers!.ContainsKey("PlacementGroupConfigs"));
        Assert.True(JsonElement.DeepEquals(original, again), again.GetRawText());
    }

    private static void CheckType(Type clr, string shapeName, string where)
    {
        var shape = Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var underlying = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (kind)
        {
            case "string":
                Assert.True(underlying == typeof(string), $"{where}: model says string ({shapeName}), code has {clr.Name}");
                break;
            case "integer":
                Assert.True(underlying == typeof(int), $"{where}: model says integer, code has {clr.Name}");
                break;
            case "long":
                Assert.True(underlying == typeof(long), $"{where}: model says long, code has {clr.Name}");
                break;
            case "double":
                Assert.True(underlying == typeof(double), $"{where}: model says double, code has {clr.Name}");
                break;
            case "boolean":
                Assert.True(underlying == typeof(bool), $"{where}: model says boolean, code has {clr.Name}");
                break;
            case "timestamp":
                Assert.True(underlying == typeof(DateTimeOffset), $"{where}: model says timestamp, code has {clr.Name}");
                Assert.False(shape.TryGetProperty("timestampFormat", out var format) && format.GetString() != "unixTimestamp",
                    $"{where}: the model gives a timestamp format other than epoch seconds");
                break;
            case "list":
                Assert.True(underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>), $"{where}: model says list, code has {clr.Name}");
                CheckType(underlying.GetGenericArguments()[0], shape.GetProperty("member").GetProperty("shape").GetString()!, where + "[]");
                break;
            case "map":
                Assert.True(underlying == typeof(Dictionary<string, string>), $"{where}: model says map, code has {clr.Name}");
                Assert.Equal("string", Shape(shape.GetProperty("value").GetProperty("shape").GetString()!).GetProperty("type").GetString());
                break;
            case "structure":
                Assert.True(ShapesOf(underlying).Contains(shapeName), $"{where}: model says {shapeName}, code has {clr.Name} ({string.Join(", ", ShapesOf(underlying))})");
                break;
            default:
                Assert.Fail($"{where}: unexpected model type {kind}");
                break;
        }
    }

    private static bool IsRequired(PropertyInfo property) =>
        property.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

    private static IEnumerable<PropertyInfo> ModelledProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null);

    private static IReadOnlyList<string> ShapesOf(Type type) => type.GetCustomAttribute<EmrShapeAttribute>()?.Shapes ?? [];

    private static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;

    private static JsonElement Shape(string name) =>
        Shapes.TryGetProperty(name, out var shape) ? shape : throw new Xunit.Sdk.XunitException($"shape {name} is not in the model");

    private static JsonElement LoadShapes() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.EmrApiModel)).RootElement.GetProperty("shapes").Clone();
}
