using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>The checks <c>sync-cli doctor</c> runs, in order. An integration adds its <see cref="IAccessCheck"/> here.</summary>
internal static class AccessChecks
{
    public static IReadOnlyList<IAccessCheck> All { get; } =
    [
        new CredentialsFileCheck(),
        new BackendCheck(),
        new AwsAccessCheck(),
        new DatabricksAccessCheck(),
    ];
}
