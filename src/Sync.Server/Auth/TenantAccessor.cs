namespace Sync.Server.Auth;

/// <summary>The tenant (and API key) of the current request, as its bearer token says.</summary>
internal static class TenantAccessor
{
    private const string TenantKey = "sync.tenant";
    private const string ApiKeyKey = "sync.api_key";

    public static void Set(HttpContext context, string tenantId, string keyId)
    {
        context.Items[TenantKey] = tenantId;
        context.Items[ApiKeyKey] = keyId;
    }

    /// <summary>The tenant of an authenticated request.</summary>
    public static string TenantId(this HttpContext context) =>
        context.Items[TenantKey] as string ?? throw new InvalidOperationException("The request was not authenticated.");

    /// <summary>The API key id of an authenticated request, for logs.</summary>
    public static string? ApiKeyId(this HttpContext context) => context.Items[ApiKeyKey] as string;
}
