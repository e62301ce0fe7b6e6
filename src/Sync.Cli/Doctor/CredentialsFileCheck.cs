using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>The credentials file exists when a server is configured, and only its owner can read it.</summary>
internal sealed class CredentialsFileCheck : IAccessCheck
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Name => "credentials";

    public Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        var path = context.Store.CredentialsFilePath;
        AccessCheckResult result;
        if (!File.Exists(path))
        {
            result = context.Configuration is { IsEmbedded: false, ApiKeySecret: null }
                ? AccessCheckResult.Fail(Name, $"{path} does not exist and {SyncEnvironmentVariables.ApiKeySecret} is not set.", "Run 'sync-cli configure' to store the API key.")
                : AccessCheckResult.Ok(Name, $"No credentials file ({path}); none needed.");
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            result = AccessCheckResult.Fail(Name, $"{path} can be read or written by other users ({Mode(File.GetUnixFileMode(path))}).", $"Run: chmod 600 {path}");
        }
        else
        {
            result = AccessCheckResult.Ok(Name, $"{path} is readable by its owner only.");
        }

        return Task.FromResult<IReadOnlyList<AccessCheckResult>>([result]);
    }

    private static string Mode(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
