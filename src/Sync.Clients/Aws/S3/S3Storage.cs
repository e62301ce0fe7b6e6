using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sync.Clients.Aws.S3;

/// <summary>
/// The S3 operations Sync needs, over AWSSDK.S3: read an object as a stream, list or download a prefix (event logs),
/// put an object, create a "folder" prefix. SDK errors surface as <see cref="AwsServiceException"/> (service
/// <c>S3</c>, with the S3 error code such as <c>NoSuchKey</c>) or <see cref="AwsNetworkException"/>. Methods are
/// virtual for mocking.
/// </summary>
public class S3Storage : IDisposable
{
    private readonly IAmazonS3? _s3;
    private readonly bool _ownsClient;
    private readonly int? _pageSize;

    /// <summary>Creates the storage with its own SDK client.</summary>
    /// <param name="options">Region, credentials, endpoint.</param>
    public S3Storage(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
            config.ForcePathStyle = options.ForcePathStyle ?? true;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        _s3 = new AmazonS3Client(options.Credentials, config);
        _ownsClient = true;
        _pageSize = options.ListPageSize;
    }

    /// <summary>Creates the storage over an existing SDK client (not disposed by this instance).</summary>
    /// <param name="client">The client.</param>
    public S3Storage(IAmazonS3 client)
    {
        _s3 = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>For mocking frameworks only.</summary>
    protected S3Storage()
    {
    }

    private IAmazonS3 S3 => _s3 ?? throw new InvalidOperationException("This instance was made for mocking.");

    /// <summary>Opens an object for reading; dispose the stream to release the connection.</summary>
    /// <param name="location">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object's content.</returns>
    public virtual Task<Stream> OpenReadAsync(S3Location location, CancellationToken cancellationToken = default) =>
        CallAsync("GetObject", location, async () =>
        {
            var response = await S3.GetObjectAsync(location.Bucket, location.Key, cancellationToken).ConfigureAwait(false);
            return (Stream)new ResponseStream(response);
        });

    /// <summary>Every object under a prefix, in key order (all pages).</summary>
    /// <param name="prefix">The bucket and key prefix.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects.</returns>
    public virtual Task<IReadOnlyList<S3ObjectInfo>> ListAsync(S3Location prefix, CancellationToken cancellationToken = default) =>
        CallAsync("ListObjectsV2", prefix, async () =>
        {
            var found = new List<S3ObjectInfo>();
            var request = new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Key, MaxKeys = _pageSize };
            ListObjectsV2Response page;
            do
            {
                page = await S3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                found.AddRange((page.S3Objects ?? []).Select(o => new S3ObjectInfo(new S3Location(prefix.Bucket, o.Key), o.Size ?? 0,
                    o.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : null)));
                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true && !string.IsNullOrEmpty(page.NextContinuationToken));

            return (IReadOnlyList<S3ObjectInfo>)found.OrderBy(o => o.Location.Key, StringComparer.Ordinal).ToList();
        });

    /// <summary>The first objects under a prefix (one page, at most <paramref name="maxItems"/>): a cheap check that the prefix can be listed.</summary>
    /// <param name="prefix">The bucket and key prefix.</param>
    /// <param name="maxItems">How many objects at most (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects, in key order.</returns>
    public virtual Task<IReadOnlyList<S3ObjectInfo>> ListFirstAsync(S3Location prefix, int maxItems, CancellationToken cancellationToken = default) =>
        CallAsync("ListObjectsV2", prefix, async () =>
        {
            var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Key, MaxKeys = Math.Clamp(maxItems, 1, 1000) },
                cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<S3ObjectInfo>)(page.S3Objects ?? []).Select(o => new S3ObjectInfo(new S3Location(prefix.Bucket, o.Key), o.Size ?? 0,
                o.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : null)).ToList();
        });

    /// <summary>Writes an object.</summary>
    /// <param name="location">The object.</param>
    /// <param name="content">The content (read to its end, not disposed).</param>
    /// <param name="contentType">The content type, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task PutAsync(S3Location location, Stream content, string? contentType = null, CancellationToken cancellationToken = default) =>
        CallAsync("PutObject", location, async () =>
        {
            var request = new PutObjectRequest { BucketName = location.Bucket, Key = location.Key, InputStream = content, AutoCloseStream = false };
            if (contentType is not null)
            {
                request.ContentType = contentType;
            }

            await S3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Writes a text object (UTF-8).</summary>
    /// <param name="location">The object.</param>
    /// <param name="text">The content.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task PutTextAsync(S3Location location, string text, string contentType = "text/plain; charset=utf-8", CancellationToken cancellationToken = default)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await PutAsync(location, content, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a "folder": an empty object whose key is the prefix ending with <c>/</c>, as the S3 console does.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The folder's location (ending with <c>/</c>).</returns>
    public virtual async Task<S3Location> CreateFolderAsync(S3Location prefix, CancellationToken cancellationToken = default)
    {
        var folder = prefix.AsFolder();
        using var empty = new MemoryStream();
        await PutAsync(folder, empty, "application/x-directory", cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>
    /// Copies every object under a prefix into a local directory, keeping the key's path below the prefix (folder
    /// markers skipped), so that a rolling or compressed event log can be read from disk.
    /// </summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="directory">The local directory (created when missing).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The local files written, in key order.</returns>
    public virtual async Task<IReadOnlyList<string>> DownloadAsync(S3Location prefix, string directory, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var files = new List<string>();
        foreach (var item in await ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (item.Location.Key.EndsWith('/'))
            {
                continue;
            }

            var relative = item.Location.Key[prefix.Key.Length..].TrimStart('/');
            if (relative.Length == 0)
            {
                relative = Path.GetFileName(item.Location.Key);
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var source = await OpenReadAsync(item.Location, cancellationToken).ConfigureAwait(false))
            await using (var file = File.Create(target))
            {
                await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            files.Add(target);
        }

        return files;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the SDK client when this instance created it.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsClient)
        {
            _s3?.Dispose();
        }
    }

    private static async Task<T> CallAsync<T>(string operation, S3Location location, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? $"Http{(int)e.StatusCode}" : e.ErrorCode;
            var message = e.StatusCode == HttpStatusCode.NotFound ? $"{location} was not found ({e.Message})" : $"{location}: {e.Message}";
            throw new AwsServiceException("S3", operation, e.StatusCode, code, message, e.RequestId, 1);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or AmazonClientException)
        {
            throw new AwsNetworkException($"S3 {operation} of {location} failed: {e.Message}", false, 1, e);
        }
    }

    /// <summary>The body of a GetObject answer that releases the answer when disposed.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position
        {
            get => _inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
