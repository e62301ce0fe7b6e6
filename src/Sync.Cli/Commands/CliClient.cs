using Sync.Api;
using Sync.Api.Configuration;

namespace Sync.Cli.Commands;

/// <summary>How the commands get their <see cref="SyncClient"/> and report its errors.</summary>
internal static class CliClient
{
    /// <summary>The hash of a <c>--code</c> file (<see cref="Sync.Api.Models.CodeHash"/>), or <paramref name="fallback"/> when no file is given.</summary>
    /// <param name="file">The application's main jar, script or notebook, if given.</param>
    /// <param name="fallback">The hash to use without a file (a <c>--code-hash</c> given as is).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hash (or <see langword="null"/>), or the error reading the file.</returns>
    public static async Task<Response<string?>> CodeHashAsync(string? file, string? fallback, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Response.FromValue(fallback);
        }

        var hashed = await Sync.Api.Models.CodeHash.OfFileAsync(file, cancellationToken);
        return hashed.IsSuccess ? Response.FromValue<string?>(hashed.Value) : Response.FromError<string?>(hashed.Error!);
    }

    /// <summary>
    /// The client the commands use: the embedded backend in the user's Sync directory (<c>$SYNC_HOME</c> or <c>~/.sync</c>).
    /// </summary>
    /// <param name="catalogPath">An instance catalog to use instead of the built-in one.</param>
    public static SyncClient Create(string? catalogPath = null)
    {
        // The user's configuration (files and SYNC_* environment variables) picks the backend: a Sync server when an
        // API URL is configured, the embedded store otherwise.
        var loaded = SyncConfigurationStore.ForCurrentUser().LoadAsync().GetAwaiter().GetResult();
        if (!loaded.IsSuccess)
        {
            Errors.Report(loaded.Error!.Message, loaded.Error.Hint ?? "Fix it with sync-cli configure, or check it with sync-cli doctor.");
            Environment.Exit(ExitCodes.BadInput);
        }

        var configuration = loaded.Value;
        if (configuration.ApiUrl is { } url)
        {
            if (configuration.ApiKeyId is { } id && configuration.ApiKeySecret is { } secret)
            {
                return new SyncClient(SyncClientOptions.Remote(url, id, secret));
            }

            Errors.Report($"An API URL ({url}) is configured but no API key id and secret.", "Run sync-cli configure, or set SYNC_API_KEY_ID and SYNC_API_KEY_SECRET.");
            Environment.Exit(ExitCodes.BadInput);
        }

        var options = SyncClientOptions.Embedded();
        options.InstanceCatalogPath = catalogPath;
        return new SyncClient(options);
    }

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
