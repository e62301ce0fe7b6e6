using Sync.Contract.Tests.Support;

namespace Sync.Api.Tests;

/// <summary>The contract suite against the embedded backend: two tenants of one SQLite file in a temporary Sync directory.</summary>
public sealed class EmbeddedContractTests(EmbeddedContractTests.Fixture fixture) : SyncContractTests, IClassFixture<EmbeddedContractTests.Fixture>
{
    protected override SyncClient Client => fixture.Client;

    protected override SyncClient OtherTenantClient => fixture.Other;

    public sealed class Fixture : IAsyncLifetime
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sync-api-tests", Guid.NewGuid().ToString("N"));

        public SyncClient Client { get; private set; } = null!;

        public SyncClient Other { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Client = new SyncClient(SyncClientOptions.Embedded(Directory));
            var other = SyncClientOptions.Embedded(Directory);
            other.EmbeddedTenantId = "another-tenant";
            Other = new SyncClient(other);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            await Other.DisposeAsync();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
