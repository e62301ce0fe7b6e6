namespace Sync.Service;

/// <summary>New resource ids: time-ordered UUIDs.</summary>
internal static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString();
}
