using System.Net;
using Sync.Clients.Aws.Pricing.Model;

namespace Sync.Clients.Aws.Pricing;

/// <summary>
/// A client of the AWS Price List Query API (<c>AWSPriceListService</c>, JSON 1.1 protocol, SigV4 service
/// <c>pricing</c>, endpoint <c>https://api.pricing.us-east-1.amazonaws.com</c>). <see cref="GetProductsAsync"/> follows
/// <c>NextToken</c> pagination and reads every entry. Throttling, 5xx answers and network failures are retried
/// (<see cref="AwsRetryOptions"/>); what remains surfaces as <see cref="AwsServiceException"/> (e.g.
/// <c>AccessDeniedException</c> without <c>pricing:GetProducts</c>), <see cref="AwsNetworkException"/> or
/// <see cref="AwsConfigurationException"/>. Methods are virtual so that callers can substitute the client in tests.
/// </summary>
public class PricingServiceClient : IDisposable
{
    internal static readonly AwsJsonServiceDescription Service = new("Price List", "pricing", "AWSPriceListService", "api.pricing");

    private readonly AwsJsonProtocolClient? _protocol;
    private readonly int _pageSize;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Credentials, endpoint, retries.</param>
    public PricingServiceClient(PricingServiceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EndpointRegion);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, 100);
        _pageSize = options.PageSize;
        _protocol = new AwsJsonProtocolClient(Service, options.ServiceUrl ?? Service.RegionalEndpoint(options.EndpointRegion), options.EndpointRegion,
            options.Credentials, options.Retry, options.Transport, options.Log);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected PricingServiceClient()
    {
    }

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint => Protocol.Endpoint;

    private AwsJsonProtocolClient Protocol => _protocol ?? throw new InvalidOperationException("This instance was made for mocking.");

    /// <summary><c>GetProducts</c>, one page.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<GetProductsOutput> GetProductsPageAsync(GetProductsInput request, CancellationToken cancellationToken = default) =>
        Protocol.SendAsync<GetProductsInput, GetProductsOutput>("GetProducts", request, PricingJson.Options, cancellationToken);

    /// <summary><c>GetProducts</c>, every page, each entry read as a <see cref="PriceListProduct"/>.</summary>
    /// <param name="serviceCode">The service, e.g. <c>AmazonEC2</c>.</param>
    /// <param name="filters">The filters (all must match).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The products.</returns>
    /// <exception cref="AwsServiceException">The service failed, or an entry is not a price-list product (<c>UnreadableResponse</c>).</exception>
    public virtual async Task<IReadOnlyList<PriceListProduct>> GetProductsAsync(string serviceCode, IEnumerable<PricingFilter> filters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceCode);
        var request = new GetProductsInput { ServiceCode = serviceCode, Filters = [.. filters], MaxResults = _pageSize };
        var products = new List<PriceListProduct>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await GetProductsPageAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.PriceList ?? [])
            {
                try
                {
                    products.Add(PriceListProduct.Parse(entry));
                }
                catch (FormatException e)
                {
                    throw new AwsServiceException(Service.Name, "GetProducts", HttpStatusCode.OK, "UnreadableResponse", e.Message, null, 1);
                }
            }

            if (page.NextToken is { } next && !seen.Add(next))
            {
                throw new AwsServiceException(Service.Name, "GetProducts", HttpStatusCode.OK, "UnreadableResponse", "the same NextToken came back twice", null, 1);
            }

            request.NextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));

        return products;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _protocol?.Dispose();
        }
    }
}
