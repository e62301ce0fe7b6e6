using System.Text.Json.Nodes;

namespace Sync.Cli.Tests;

/// <summary>
/// A catalog of a few instance types written where <c>sync-cli catalog update</c> writes its own
/// (<c>&lt;Sync directory&gt;/catalog/aws-instances.json</c>), so that a prediction made by a test process simulates few
/// candidates: the CLI process tests run beside every other test assembly on two cores.
/// </summary>
internal static class SmallCatalog
{
    public static async Task WriteAsync(string syncHome, params string[] types)
    {
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CliProcess.RepoRoot, "catalog", "aws-instances.json")))!.AsObject();
        var kept = catalog["instances"]!.AsArray().Where(i => types.Contains(i!["type"]!.GetValue<string>())).Select(i => i!.DeepClone()).ToArray();
        Assert.Equal(types.Length, kept.Length);
        catalog["instances"] = new JsonArray(kept);
        Directory.CreateDirectory(Path.Combine(syncHome, "catalog"));
        await File.WriteAllTextAsync(Path.Combine(syncHome, "catalog", "aws-instances.json"), catalog.ToJsonString());
    }
}
