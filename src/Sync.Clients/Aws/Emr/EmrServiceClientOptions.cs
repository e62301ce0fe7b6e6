using Amazon.Runtime;

namespace Sync.Clients.Aws.Emr;

/// <summary>Settings of an <see cref="EmrServiceClient"/>.</summary>
public sealed class EmrServiceClientOptions
{
    /// <summary>The region, e.g. <c>us-east-1</c>. Required.</summary>
    public required string Region { get; set; }

    /// <summary>The credentials (see <see cref="AwsEnvironment.ResolveCredentials(string?)"/>). Required.</summary>
    public required AWSCredentials Credentials { get; set; }

    /// <summary>An endpoint to use instead of the regional AWS one, e.g. an emulator's <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Retries of throttling, 5xx answers and network failures.</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The HTTP handler requests go through, or <see langword="null"/> for the default one. Not disposed by the client.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Receives one line per retried attempt (never secrets), or <see langword="null"/>.</summary>
    public Action<string>? Log { get; set; }
}
