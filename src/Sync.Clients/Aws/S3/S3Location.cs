using System.Diagnostics.CodeAnalysis;

namespace Sync.Clients.Aws.S3;

/// <summary>An S3 bucket and key (or key prefix), written <c>s3://bucket/key</c>.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key or prefix, without a leading slash; empty for the whole bucket.</param>
public sealed record S3Location(string Bucket, string Key)
{
    /// <summary>Reads <c>s3://bucket/key</c> (also <c>s3a://</c> and <c>s3n://</c>, as Spark and EMR write them).</summary>
    /// <param name="text">The URI.</param>
    /// <exception cref="FormatException">It is not an S3 URI with a bucket.</exception>
    public static S3Location Parse(string text) =>
        TryParse(text, out var location) ? location : throw new FormatException($"'{text}' is not an S3 location (s3://bucket/key).");

    /// <summary>Reads <c>s3://bucket/key</c> (also <c>s3a://</c>, <c>s3n://</c>).</summary>
    /// <param name="text">The URI.</param>
    /// <param name="location">The location.</param>
    /// <returns>Whether <paramref name="text"/> is an S3 URI with a bucket.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out S3Location? location)
    {
        location = null;
        if (text is null)
        {
            return false;
        }

        foreach (var scheme in new[] { "s3://", "s3a://", "s3n://" })
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text[scheme.Length..];
                var slash = rest.IndexOf('/');
                var bucket = slash < 0 ? rest : rest[..slash];
                if (bucket.Length == 0)
                {
                    return false;
                }

                location = new S3Location(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>This location as a prefix that ends with <c>/</c> (a "folder").</summary>
    public S3Location AsFolder() => Key.Length == 0 || Key.EndsWith('/') ? this : this with { Key = Key + "/" };

    /// <summary>A location below this one.</summary>
    /// <param name="relative">The relative key, e.g. <c>eventlog/</c>.</param>
    public S3Location Combine(string relative) => this with { Key = AsFolder().Key + relative.TrimStart('/') };

    /// <inheritdoc/>
    public override string ToString() => $"s3://{Bucket}/{Key}";
}
