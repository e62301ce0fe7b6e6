using System.Text;
using Sync.Api;
using Sync.Clients.Aws;
using Sync.Clients.Aws.S3;
using Sync.Clients.Databricks;

namespace Sync.AwsDatabricks.Artifacts;

/// <summary>
/// Reads and writes a run's artifacts (the submitted spec, the cluster report, the delivered event log) where the
/// project keeps them: DBFS through the workspace's REST API, S3 through <see cref="S3Storage"/>. Failures throw the
/// clients' exceptions; <see cref="DatabricksClient"/> turns them into <see cref="SyncError"/>s.
/// </summary>
internal sealed class RunArtifactStore(DatabricksRestClient rest, S3Storage? s3)
{
    public static bool IsDbfs(string uri) => uri.StartsWith("dbfs:/", StringComparison.OrdinalIgnoreCase);

    public static bool IsS3(string uri) => uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase);

    /// <summary>An error for a location neither on DBFS nor on S3, or on S3 without an <see cref="S3Storage"/>; <see langword="null"/> when usable.</summary>
    public SyncError? Check(string uri, string what) =>
        IsDbfs(uri) ? null
        : IsS3(uri) ? (s3 is null
            ? new SyncError(SyncErrorKind.InvalidInput, $"{what} is on S3 ({uri}), and this client has no S3 access.",
                "Set DatabricksClientOptions.S3Storage (sync-cli: AWS credentials from the environment or --aws-profile).", "s3-not-configured")
            : null)
        : new SyncError(SyncErrorKind.InvalidInput, $"{what} '{uri}' is neither on DBFS (dbfs:/…) nor on S3 (s3://…): a Databricks cluster can only deliver logs there.",
            "Set the project's location to dbfs:/… or s3://… (sync-cli projects update <id> --artifacts dbfs:/sync).", "unsupported-location");

    /// <summary>Writes a text file on DBFS, S3 or (for a project kept in a local directory) the local disk.</summary>
    public async Task WriteTextAsync(string uri, string text, CancellationToken cancellationToken)
    {
        if (!IsDbfs(uri) && !IsS3(uri))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(uri))!);
            await File.WriteAllTextAsync(uri, text, cancellationToken).ConfigureAwait(false);
        }
        else if (IsDbfs(uri))
        {
            await rest.DbfsPutAsync(uri, Encoding.UTF8.GetBytes(text), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await S3.PutTextAsync(S3Location.Parse(uri), text, "application/json", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The file's text, or <see langword="null"/> when it does not exist.</summary>
    public async Task<string?> TryReadTextAsync(string uri, CancellationToken cancellationToken)
    {
        if (!IsDbfs(uri) && !IsS3(uri))
        {
            return File.Exists(uri) ? await File.ReadAllTextAsync(uri, cancellationToken).ConfigureAwait(false) : null;
        }

        try
        {
            await using var stream = IsDbfs(uri) ? rest.OpenDbfsRead(uri) : await S3.OpenReadAsync(S3Location.Parse(uri), cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DatabricksApiException e) when (e.IsNotFound)
        {
            return null;
        }
        catch (AwsServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every file under a folder (recursively) as (path relative to the folder, size).</summary>
    public async Task<IReadOnlyList<(string Relative, long Size)>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var root = folder.TrimEnd('/');
        if (IsS3(folder))
        {
            var prefix = S3Location.Parse(root + "/");
            return (await S3.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
                .Where(o => !o.Location.Key.EndsWith('/'))
                .Select(o => (o.Location.Key[prefix.Key.Length..], o.Size)).ToList();
        }

        var found = new List<(string, long)>();
        var start = DatabricksRestClient.DbfsPath(root);
        var pending = new Stack<string>([start]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IReadOnlyList<Sync.Clients.Databricks.Models.DbfsFileInfo> entries;
            try
            {
                entries = await rest.DbfsListAsync(dir, cancellationToken).ConfigureAwait(false);
            }
            catch (DatabricksApiException e) when (e.IsNotFound)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.IsDir)
                {
                    pending.Push(entry.Path);
                }
                else
                {
                    found.Add((entry.Path[(start.Length + 1)..], entry.FileSize));
                }
            }
        }

        return found.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>Copies the files directly in <paramref name="folder"/> into a local directory.</summary>
    public async Task DownloadFolderAsync(string folder, IEnumerable<string> names, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in names)
        {
            var source = folder.TrimEnd('/') + "/" + name;
            await using var input = IsDbfs(folder) ? rest.OpenDbfsRead(source) : await S3.OpenReadAsync(S3Location.Parse(source), cancellationToken).ConfigureAwait(false);
            await using var output = File.Create(Path.Combine(directory, name));
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    private S3Storage S3 => s3 ?? throw new InvalidOperationException("No S3 storage configured.");
}
