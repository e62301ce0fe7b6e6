namespace Sync.Api.Backends;

/// <summary>Checks ids before they are sent anywhere.</summary>
internal static class Ids
{
    public static string Check(string? id, string what) => string.IsNullOrWhiteSpace(id)
        ? throw Calls.Invalid($"A {what} id is required.", $"List the {what}s to find its id.")
        : id.Trim();
}
