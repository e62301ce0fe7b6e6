using System.Text.Json.Nodes;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>The OpenAPI document the server serves is the one committed as docs/openapi/v1.json.</summary>
public sealed class OpenApiDocumentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>Set to 1 to rewrite docs/openapi/v1.json from the running server instead of comparing.</summary>
    private const string UpdateVariable = "SYNC_UPDATE_OPENAPI";

    [Fact]
    public async Task Served_document_equals_the_committed_one()
    {
        using var client = fixture.Server.CreateClient();
        var served = await client.GetStringAsync("openapi/v1.json");
        var path = Path.Combine(Samples.RepoRoot, "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served.ReplaceLineEndings("\n").TrimEnd() + "\n");
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the test with {UpdateVariable}=1 to write it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(
            JsonNode.DeepEquals(committed, JsonNode.Parse(served)),
            $"docs/openapi/v1.json differs from what the server serves; run this test with {UpdateVariable}=1 and commit the file.");
        Assert.Equal("3.1.1", committed!["openapi"]!.GetValue<string>());
    }
}
