using Sync.Clients.Databricks;
using Sync.Databricks.Emulator;

namespace Sync.AwsDatabricks.Tests;

public sealed class DbfsPutTests
{
    [Fact]
    public async Task Put_writes_a_file_larger_than_one_block_and_reads_back_the_same_bytes()
    {
        await using var emulator = await DatabricksEmulator.StartAsync();
        using var rest = new DatabricksRestClient(new DatabricksCredentials(emulator.BaseUri, emulator.Token, "test"));
        var content = new byte[(int)(2.5 * DatabricksRestClient.MaxDbfsReadLength)];
        new Random(7).NextBytes(content);

        await rest.DbfsPutAsync("dbfs:/sync/p/run/cluster-spec.json", content);

        Assert.Equal(content, emulator.Workspace.Dbfs.Read("/sync/p/run/cluster-spec.json"));
        Assert.Equal(3, emulator.Requests.Count(r => r.StartsWith("POST /api/2.0/dbfs/add-block 200", StringComparison.Ordinal)));
        await using var read = rest.OpenDbfsRead("dbfs:/sync/p/run/cluster-spec.json");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());

        var refused = await Assert.ThrowsAsync<DatabricksApiException>(() => rest.DbfsPutAsync("/sync/p/run/cluster-spec.json", new byte[1], overwrite: false));
        Assert.Equal("RESOURCE_ALREADY_EXISTS", refused.ErrorCode);
    }
}
