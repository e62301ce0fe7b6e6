using Sync.Api;
using Sync.AwsDatabricks.Access;
using Sync.AwsDatabricks.Artifacts;
using Sync.Clients.Databricks;

namespace Sync.AwsDatabricks;

/// <summary>The access report of the Databricks integration.</summary>
public partial class DatabricksClient
{
    /// <summary>
    /// Checks what the loop needs from the workspace, with cheap read-only calls: the token is valid
    /// (<c>clusters/list-node-types</c>), the Jobs API answers (<c>jobs/runs/list</c>; creating a run is not tried), and,
    /// when <paramref name="logLocation"/> is given, that the project's log location can be read (DBFS, or S3 with
    /// <see cref="DatabricksClientOptions.S3Storage"/>).
    /// </summary>
    /// <param name="logLocation">A project's artifact location to check, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The report (a failed check is a value, not an error), or an Authentication error when no host or token is configured.</returns>
    public virtual Task<Response<WorkspaceAccess>> CheckAccessAsync(string? logLocation = null, CancellationToken cancellationToken = default)
    {
        var (rest, error) = _rest.Value;
        if (rest is null)
        {
            return Task.FromResult(Response.FromError<WorkspaceAccess>(DatabricksErrors.From(error!, cancellationToken)));
        }

        return Call(async client =>
        {
            var checks = new List<WorkspaceAccessCheck>
            {
                await CheckAsync("token", async () => $"The token is valid: the workspace lists {(await client.ListNodeTypesAsync(cancellationToken).ConfigureAwait(false)).Count} node types.", cancellationToken).ConfigureAwait(false),
                await CheckAsync("jobs", async () => $"The Jobs API answers ({await client.ListRunsAsync(1, cancellationToken).ConfigureAwait(false)} recent run(s) visible); submitting runs also needs cluster-create permission, which is not tried.", cancellationToken).ConfigureAwait(false),
            };
            if (logLocation is not null)
            {
                checks.Add(await CheckLogLocationAsync(client, logLocation, cancellationToken).ConfigureAwait(false));
            }

            return Response.FromValue(new WorkspaceAccess(client.Host, client.CredentialSource, checks));
        }, cancellationToken);
    }

    private async Task<WorkspaceAccessCheck> CheckLogLocationAsync(DatabricksRestClient rest, string location, CancellationToken cancellationToken)
    {
        var store = Store(rest);
        if (store.Check(location, "The project's location") is { } unsupported)
        {
            return new WorkspaceAccessCheck("log-location", false, unsupported.Message, unsupported.Hint);
        }

        return await CheckAsync("log-location", async () =>
        {
            if (RunArtifactStore.IsDbfs(location))
            {
                try
                {
                    var status = await rest.DbfsGetStatusAsync(location, cancellationToken).ConfigureAwait(false);
                    return status.IsDir
                        ? $"{location} is readable ({(await rest.DbfsListAsync(location, cancellationToken).ConfigureAwait(false)).Count} entries)."
                        : throw new InvalidDataException($"{location} is a file, not a folder.");
                }
                catch (DatabricksApiException e) when (e.IsNotFound)
                {
                    var parent = location.TrimEnd('/')[..location.TrimEnd('/').LastIndexOf('/')];
                    await rest.DbfsListAsync(parent.Length <= "dbfs:".Length ? "dbfs:/" : parent, cancellationToken).ConfigureAwait(false);
                    return $"{location} does not exist yet (its parent is readable); the first run creates it.";
                }
            }

            var files = await store.ListAsync(location, cancellationToken).ConfigureAwait(false);
            return $"{location} is readable ({files.Count} files).";
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<WorkspaceAccessCheck> CheckAsync(string name, Func<Task<string>> check, CancellationToken cancellationToken)
    {
        try
        {
            return new WorkspaceAccessCheck(name, true, await check().ConfigureAwait(false));
        }
        catch (Exception e) when (e is DatabricksException or Sync.Clients.Aws.AwsServiceException or Sync.Clients.Aws.AwsNetworkException or InvalidDataException)
        {
            var error = DatabricksErrors.From(e, cancellationToken);
            return new WorkspaceAccessCheck(name, false, error.Message, error.Hint);
        }
    }
}
