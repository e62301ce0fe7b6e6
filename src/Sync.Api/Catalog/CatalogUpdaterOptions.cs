using Amazon.Runtime;
using Sync.Clients.Aws;

namespace Sync.Api.Catalog;

/// <summary>Settings of a <see cref="CatalogUpdater"/>.</summary>
public sealed class CatalogUpdaterOptions
{
    /// <summary>Credentials to use; when <see langword="null"/> they are found from <see cref="Profile"/> or the AWS SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>A profile of the shared AWS config/credentials files, or <see langword="null"/> for the default chain (<c>AWS_PROFILE</c>, environment variables, …).</summary>
    public string? Profile { get; set; }

    /// <summary>An endpoint to use instead of the AWS Price List one, e.g. an emulator's <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Retries of throttling, 5xx answers and network failures.</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The HTTP handler requests go through, or <see langword="null"/> for the default one. Not disposed.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Receives one line per page read and per retried attempt (never secrets), or <see langword="null"/>.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>The clock that dates the new catalog.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
