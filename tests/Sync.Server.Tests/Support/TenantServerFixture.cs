namespace Sync.Server.Tests.Support;

/// <summary>One <see cref="TenantServer"/> on SQLite shared by a test class.</summary>
public sealed class TenantServerFixture : IAsyncLifetime
{
    public TenantServer Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TenantServer.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
