namespace Sync.Clients.Aws.Pricing.Model;

/// <summary>The input of <c>AWSPriceListService.GetProducts</c>.</summary>
public sealed class GetProductsInput
{
    /// <summary>The service whose products to list, e.g. <c>AmazonEC2</c> or <c>ElasticMapReduce</c>.</summary>
    public string ServiceCode { get; set; } = "";

    /// <summary>Filters that every product returned matches.</summary>
    public List<PricingFilter>? Filters { get; set; }

    /// <summary>The format of the price-list entries; <c>aws_v1</c>.</summary>
    public string? FormatVersion { get; set; } = "aws_v1";

    /// <summary>The token of the page to read, from the previous page's <see cref="GetProductsOutput.NextToken"/>.</summary>
    public string? NextToken { get; set; }

    /// <summary>At most this many products per page (the service allows up to 100).</summary>
    public int? MaxResults { get; set; }
}
