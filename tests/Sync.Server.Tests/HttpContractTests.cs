using Sync.Api;
using Sync.Contract.Tests.Support;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>The shared contract suite of Sync.Api over HTTP: the remote backend against a real server process (SQLite).</summary>
public sealed class HttpContractTests(HttpContractTests.Fixture fixture) : SyncContractTests, IClassFixture<HttpContractTests.Fixture>
{
    protected override SyncClient Client => fixture.Client;

    protected override SyncClient OtherTenantClient => fixture.Other;

    public sealed class Fixture : IAsyncLifetime
    {
        private TenantServer _host = null!;

        public SyncClient Client { get; private set; } = null!;

        public SyncClient Other { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _host = await TenantServer.StartAsync(postgres: PostgresDatabase.Root is not null && Environment.GetEnvironmentVariable("SYNC_TEST_CONTRACT_SQLITE") is null);
            Client = new SyncClient(SyncClientOptions.Remote(_host.Server.BaseAddress, _host.KeyA.KeyId, _host.KeyA.Secret));
            Other = new SyncClient(SyncClientOptions.Remote(_host.Server.BaseAddress, _host.KeyB.KeyId, _host.KeyB.Secret));
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            await Other.DisposeAsync();
            await _host.DisposeAsync();
        }
    }
}
