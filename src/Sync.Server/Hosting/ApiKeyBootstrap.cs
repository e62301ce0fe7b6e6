using System.Text.Json;
using Sync.Service;

namespace Sync.Server.Hosting;

/// <summary>
/// Creates an API key on the server's database before (or instead of) serving: the tenant is created when new, the
/// key's id and secret are printed once, and only the secret's salted hash is stored.
/// </summary>
internal static class ApiKeyBootstrap
{
    public const string DefaultTenant = "default";

    public static async Task CreateAndPrintAsync(SyncServerOptions options, string tenantId, TextWriter output)
    {
        var serviceOptions = options.ToServiceOptions();
        serviceOptions.RunPredictions = false;
        await using var service = await SyncService.OpenAsync(serviceOptions);
        await service.Tenants.EnsureAsync(tenantId, tenantId);
        var key = await service.ApiKeys.CreateAsync(tenantId);
        await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["tenant_id"] = key.TenantId,
            ["api_key_id"] = key.KeyId,
            ["api_key_secret"] = key.Secret,
        }));
        await output.FlushAsync();
    }
}
