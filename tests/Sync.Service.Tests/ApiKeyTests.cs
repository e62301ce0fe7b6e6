using System.Text;

namespace Sync.Service.Tests;

public sealed class ApiKeyTests
{
    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task KeyVerifiesToItsTenantUntilRevokedAndTheSecretIsNeverStored(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            var tenant = await service.Tenants.CreateAsync("acme");
            var key = await service.ApiKeys.CreateAsync(tenant);
            Assert.Equal(tenant, key.TenantId);
            Assert.DoesNotContain(key.Secret, key.ToString());
            Assert.Equal(tenant, await service.ApiKeys.VerifyAsync(key.KeyId, key.Secret));

            async Task Refused(string id, string secret)
            {
                var e = await Assert.ThrowsAsync<SyncServiceException>(() => service.ApiKeys.VerifyAsync(id, secret));
                Assert.Equal(ServiceErrorKind.Authentication, e.Kind);
                if (secret.Length > 0)
                {
                    Assert.DoesNotContain(secret, e.Message + e.Hint);
                }
            }

            await Refused(key.KeyId, key.Secret + "x");
            await Refused("unknown", key.Secret);
            await Refused(key.KeyId, "");
            var other = await service.ApiKeys.CreateAsync(tenant);
            await service.ApiKeys.RevokeAsync(tenant, other.KeyId);
            await Refused(other.KeyId, other.Secret);
            Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(() => service.ApiKeys.RevokeAsync("someone-else", key.KeyId))).Kind);
            Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(() => service.ApiKeys.CreateAsync("no-such-tenant"))).Kind);

            if (provider == "sqlite")
            {
                await using var reopened = await harness.OpenAsync(runPredictions: false);
                Assert.Equal(tenant, await reopened.ApiKeys.VerifyAsync(key.KeyId, key.Secret));
                await service.DisposeAsync();
                await reopened.DisposeAsync();
                foreach (var file in Directory.EnumerateFiles(harness.Directory, "sync.db*"))
                {
                    var bytes = await File.ReadAllBytesAsync(file);
                    Assert.DoesNotContain(key.Secret, Encoding.Latin1.GetString(bytes));
                }
            }
        }
    }
}
