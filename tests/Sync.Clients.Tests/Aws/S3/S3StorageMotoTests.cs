using Amazon.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;
using Sync.Clients.Aws;
using Sync.Clients.Aws.S3;
using Sync.Tests.Support;

namespace Sync.Clients.Tests.Aws.S3;

/// <summary><see cref="S3Storage"/> against moto_server's S3 (path-style, real wire protocol).</summary>
[Collection(MotoCollection.Name)]
public sealed class S3StorageMotoTests(MotoServer moto)
{
    [Fact]
    public async Task Objects_are_put_listed_read_and_downloaded_under_a_prefix()
    {
        var bucket = await NewBucketAsync();
        using var s3 = MotoClients.S3(moto);
        var root = new S3Location(bucket, "projects/p-1/20261126T010000Z/r-1");
        var logPath = Path.Combine(RepoPaths.SharedData, "eventlogs", "apache-spark", "spark-events", "application_1536831636016_59384_1");
        var logBytes = await File.ReadAllBytesAsync(logPath);

        var folder = await s3.CreateFolderAsync(root.Combine("eventlog"));
        await using (var content = File.OpenRead(logPath))
        {
            await s3.PutAsync(folder.Combine("application_1536831636016_59384_1"), content);
        }

        await s3.PutTextAsync(root.Combine("spec.json"), "{\"Name\":\"x\"}", "application/json");

        var listed = await s3.ListAsync(root);
        Assert.Equal(
            ["projects/p-1/20261126T010000Z/r-1/eventlog/", "projects/p-1/20261126T010000Z/r-1/eventlog/application_1536831636016_59384_1", "projects/p-1/20261126T010000Z/r-1/spec.json"],
            listed.Select(o => o.Location.Key));
        Assert.Equal(logBytes.Length, listed[1].Size);

        await using (var read = await s3.OpenReadAsync(listed[1].Location))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(logBytes, copy.ToArray());
        }

        var directory = Directory.CreateTempSubdirectory("sync-s3-");
        try
        {
            var files = await s3.DownloadAsync(folder, directory.FullName);
            var file = Assert.Single(files);
            Assert.Equal(Path.Combine(directory.FullName, "application_1536831636016_59384_1"), file);
            Assert.Equal(logBytes, await File.ReadAllBytesAsync(file));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Listing_follows_continuation_tokens()
    {
        var bucket = await NewBucketAsync();
        using var s3 = MotoClients.S3(moto, listPageSize: 10);
        var prefix = new S3Location(bucket, "many/");
        await Task.WhenAll(Enumerable.Range(0, 25).Select(n => s3.PutTextAsync(prefix.Combine($"part-{n:D5}"), "x")));
        await s3.PutTextAsync(new S3Location(bucket, "other/part-00000"), "x");

        var listed = await s3.ListAsync(prefix);

        Assert.Equal(25, listed.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(n => $"many/part-{n:D5}"), listed.Select(o => o.Location.Key));
    }

    [Fact]
    public async Task A_missing_object_is_a_service_error_naming_it()
    {
        var bucket = await NewBucketAsync();
        using var s3 = MotoClients.S3(moto);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => s3.OpenReadAsync(new S3Location(bucket, "nothing/here")));

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Contains($"s3://{bucket}/nothing/here", error.Message);
    }

    [Theory]
    [InlineData("s3://bucket/a/b", "bucket", "a/b")]
    [InlineData("s3a://bucket/a/", "bucket", "a/")]
    [InlineData("s3n://bucket", "bucket", "")]
    public void Locations_parse_the_schemes_spark_and_emr_write(string text, string bucket, string key)
    {
        Assert.Equal(new S3Location(bucket, key), S3Location.Parse(text));
    }

    [Theory]
    [InlineData("hdfs:///logs")]
    [InlineData("s3:///key")]
    [InlineData("/local/path")]
    public void Other_locations_are_rejected(string text)
    {
        Assert.False(S3Location.TryParse(text, out _));
        Assert.Throws<FormatException>(() => S3Location.Parse(text));
    }

    private async Task<string> NewBucketAsync()
    {
        var name = "sync-test-" + Guid.NewGuid().ToString("N")[..12];
        using var client = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region });
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }
}
