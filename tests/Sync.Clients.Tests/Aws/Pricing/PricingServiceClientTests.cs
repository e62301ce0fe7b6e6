using Sync.Clients.Aws;
using Sync.Clients.Aws.Pricing;
using Sync.Clients.Aws.Pricing.Model;
using Sync.Tests.Support.Pricing;

namespace Sync.Clients.Tests.Aws.Pricing;

/// <summary>The Price List client against the <see cref="PriceListEmulator"/> over the real price data, through real HTTP on loopback.</summary>
public sealed class PricingServiceClientTests
{
    private static readonly PricingFilter[] LinuxUsEast1 =
    [
        PricingFilter.TermMatch("regionCode", "us-east-1"), PricingFilter.TermMatch("operatingSystem", "Linux"),
        PricingFilter.TermMatch("tenancy", "Shared"), PricingFilter.TermMatch("preInstalledSw", "NA"), PricingFilter.TermMatch("capacitystatus", "Used"),
    ];

    private static PricingServiceClient Client(PriceListEmulator emulator, int pageSize = 100, AwsRetryOptions? retry = null, Action<string>? log = null) =>
        new(new PricingServiceClientOptions
        {
            Credentials = PriceListFixture.Credentials,
            ServiceUrl = emulator.Endpoint,
            PageSize = pageSize,
            Retry = retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10) },
            Log = log,
        });

    [Fact]
    public void The_default_endpoint_is_the_us_east_1_price_list_api()
    {
        using var client = new PricingServiceClient(new PricingServiceClientOptions { Credentials = PriceListFixture.Credentials });
        Assert.Equal(new Uri("https://api.pricing.us-east-1.amazonaws.com/"), client.Endpoint);
    }

    [Fact]
    public async Task Every_page_is_read_signed_for_pricing_and_each_entry_is_a_product_with_its_price()
    {
        await using var emulator = PriceListFixture.Start();
        using var client = Client(emulator);

        var products = await client.GetProductsAsync("AmazonEC2", LinuxUsEast1);

        var expected = emulator.Data.Products("AmazonEC2")!.Count(p => p.ProductFamily == "Compute Instance") / 5; // one Linux/shared product of five per type
        Assert.Equal(expected, products.Count);
        Assert.Equal(products.Count, products.Select(p => p.Attributes["instanceType"]).Distinct().Count());
        var requests = emulator.Requests.ToArray();
        Assert.Equal((expected + 99) / 100, requests.Length);
        Assert.Null(requests[0].NextToken);
        Assert.All(requests.Skip(1), r => Assert.NotNull(r.NextToken));
        Assert.All(requests, r => Assert.Equal(("pricing", "AWSPriceListService.GetProducts", "AmazonEC2"), (r.ScopeService, r.Target, r.ServiceCode)));
        var m5 = products.Single(p => p.Attributes["instanceType"] == "m5.xlarge");
        Assert.Equal((0.192, "Hrs", "4", "16 GiB"), (m5.OnDemandUsd, m5.Unit, m5.Attributes["vcpu"], m5.Attributes["memory"]));
        Assert.Equal("Compute Instance", m5.ProductFamily);
    }

    [Fact]
    public async Task Small_pages_give_the_same_products_as_full_ones()
    {
        await using var emulator = PriceListFixture.Start();
        using var client = Client(emulator, pageSize: 7);

        var products = await client.GetProductsAsync("ElasticMapReduce", [PricingFilter.TermMatch("regionCode", "us-east-1"), PricingFilter.TermMatch("instanceType", "m5.xlarge")]);
        var all = await client.GetProductsAsync("ElasticMapReduce", [PricingFilter.TermMatch("regionCode", "us-east-1"), PricingFilter.TermMatch("softwareType", "EMR")]);

        Assert.Equal(0.048, Assert.Single(products).OnDemandUsd);
        Assert.True(all.Count > 700);
        Assert.Equal(all.Count, all.Select(p => p.Sku).Distinct().Count());
        Assert.True(emulator.Requests.Count > all.Count / 7);
    }

    [Fact]
    public async Task Filters_leave_out_windows_dedicated_preinstalled_and_reserved_capacity_products()
    {
        await using var emulator = PriceListFixture.Start();
        using var client = Client(emulator);

        var everything = await client.GetProductsAsync("AmazonEC2", [PricingFilter.TermMatch("regionCode", "us-east-1"), PricingFilter.TermMatch("instanceType", "m5.xlarge")]);
        var linux = await client.GetProductsAsync("AmazonEC2", [.. LinuxUsEast1, PricingFilter.TermMatch("instanceType", "m5.xlarge")]);

        Assert.Equal(5, everything.Count);
        Assert.Equal(4, everything.Select(p => p.OnDemandUsd).Distinct().Count());
        var only = Assert.Single(linux);
        Assert.Equal(("Linux", "Shared", "NA", "Used", 0.192), (only.Attributes["operatingSystem"], only.Attributes["tenancy"], only.Attributes["preInstalledSw"], only.Attributes["capacitystatus"], only.OnDemandUsd));
    }

    [Fact]
    public async Task Throttling_is_retried_and_an_answer_that_keeps_throttling_is_a_throttling_error()
    {
        await using var emulator = PriceListFixture.Start();
        var log = new List<string>();
        using var client = Client(emulator, log: log.Add);
        emulator.ThrottleNext(2);

        var products = await client.GetProductsAsync("AmazonEC2", [.. LinuxUsEast1, PricingFilter.TermMatch("instanceType", "r5.2xlarge")]);

        Assert.Equal(0.504, Assert.Single(products).OnDemandUsd);
        Assert.Equal(2, log.Count);
        Assert.All(log, line => Assert.Contains("ThrottlingException", line));

        emulator.ThrottleNext(10);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetProductsAsync("AmazonEC2", LinuxUsEast1));
        Assert.True(error.IsThrottling);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Access_denied_is_reported_with_the_service_code_and_without_the_secret()
    {
        await using var emulator = PriceListFixture.Start();
        emulator.DeniedAccessKeys[PriceListFixture.AccessKeyId] = true;
        using var client = Client(emulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetProductsAsync("AmazonEC2", LinuxUsEast1));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Contains("pricing:GetProducts", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.DoesNotContain(PriceListFixture.SecretKey, error.ToString());
    }

    [Fact]
    public async Task An_unknown_service_code_and_a_forged_page_token_are_service_errors()
    {
        await using var emulator = PriceListFixture.Start();
        using var client = Client(emulator);

        var unknown = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetProductsAsync("AmazonNothing", []));
        var forged = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.GetProductsPageAsync(new GetProductsInput { ServiceCode = "AmazonEC2", NextToken = "bm90LWEtdG9rZW4=" }));

        Assert.Equal("NotFoundException", unknown.ErrorCode);
        Assert.Equal("InvalidNextTokenException", forged.ErrorCode);
    }

    [Fact]
    public void A_price_list_entry_is_read_from_its_string()
    {
        const string entry = """
            {"product":{"productFamily":"Compute Instance","attributes":{"instanceType":"c5.large","vcpu":"2","memory":"4 GiB"},"sku":"ABC"},
             "serviceCode":"AmazonEC2","terms":{"OnDemand":{"ABC.T":{"priceDimensions":{
               "ABC.T.2":{"unit":"Hrs","beginRange":"100","pricePerUnit":{"USD":"0.0500000000"}},
               "ABC.T.1":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"0.0850000000"}}},"sku":"ABC"}}},
             "publicationDate":"2026-07-20T13:44:30Z"}
            """;

        var product = PriceListProduct.Parse(entry);

        Assert.Equal(("ABC", "Compute Instance", 0.085, "Hrs", "2026-07-20T13:44:30Z"), (product.Sku, product.ProductFamily, product.OnDemandUsd, product.Unit, product.PublicationDate));
        Assert.Equal("4 GiB", product.Attributes["memory"]);
        Assert.Throws<FormatException>(() => PriceListProduct.Parse("{\"terms\":{}}"));
        Assert.Throws<FormatException>(() => PriceListProduct.Parse("not json"));
    }
}
