using Amazon.Runtime;

namespace Sync.Clients.Aws.Pricing;

/// <summary>Settings of a <see cref="PricingServiceClient"/>.</summary>
public sealed class PricingServiceClientOptions
{
    /// <summary>
    /// The region of the Price List endpoint and of the signature: <c>us-east-1</c> (default), <c>eu-central-1</c> or
    /// <c>ap-south-1</c>. Any region's prices can be asked from any of them.
    /// </summary>
    public string EndpointRegion { get; set; } = "us-east-1";

    /// <summary>The credentials (see <see cref="AwsEnvironment.ResolveCredentials(string?)"/>). Required.</summary>
    public required AWSCredentials Credentials { get; set; }

    /// <summary>An endpoint to use instead of the AWS one, e.g. an emulator's <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Products per page asked for (1 to 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Retries of throttling, 5xx answers and network failures.</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The HTTP handler requests go through, or <see langword="null"/> for the default one. Not disposed by the client.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Receives one line per retried attempt (never secrets), or <see langword="null"/>.</summary>
    public Action<string>? Log { get; set; }
}
