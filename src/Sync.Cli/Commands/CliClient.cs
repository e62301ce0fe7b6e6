using Sync.Api;

namespace Sync.Cli.Commands;

/// <summary>How the commands get their <see cref="SyncClient"/> and report its errors.</summary>
internal static class CliClient
{
    /// <summary>
    /// The client the commands use: the embedded backend in the user's Sync directory (<c>$SYNC_HOME</c> or <c>~/.sync</c>).
    /// </summary>
    /// <param name="catalogPath">An instance catalog to use instead of the built-in one.</param>
    public static SyncClient Create(string? catalogPath = null)
    {
        var options = SyncClientOptions.Embedded();
        options.InstanceCatalogPath = catalogPath;
        return new SyncClient(options);
    }

    /// <summary>Prints a failed response's error and hint to standard error; returns the exit code for it.</summary>
    public static int Fail(Response response)
    {
        var error = response.Error!;
        Errors.Report(error.Message, error.Hint);
        return error.Kind is SyncErrorKind.InvalidInput or SyncErrorKind.NotFound or SyncErrorKind.Conflict or SyncErrorKind.PermissionDenied
            ? ExitCodes.BadInput
            : ExitCodes.Failed;
    }

    /// <summary>Prints a response's warnings to standard error.</summary>
    public static void Warn(Response response)
    {
        foreach (var warning in response.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning.Message}");
        }
    }
}
