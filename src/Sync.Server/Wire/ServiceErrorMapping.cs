namespace Sync.Server.Wire;

/// <summary>Maps the service's expected failures to HTTP statuses and error bodies.</summary>
internal static class ServiceErrorMapping
{
    public static (int Status, ErrorDto Body)? TryDescribe(Exception e) => null;
}
