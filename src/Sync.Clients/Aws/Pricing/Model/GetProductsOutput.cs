namespace Sync.Clients.Aws.Pricing.Model;

/// <summary>The output of <c>AWSPriceListService.GetProducts</c>: one page of products.</summary>
public sealed class GetProductsOutput
{
    /// <summary>The format of the entries, e.g. <c>aws_v1</c>.</summary>
    public string? FormatVersion { get; set; }

    /// <summary>The products, each a JSON document in a string (read them with <see cref="PriceListProduct.Parse"/>).</summary>
    public List<string>? PriceList { get; set; }

    /// <summary>The token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; set; }
}
