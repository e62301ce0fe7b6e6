using System.Text.RegularExpressions;
using Amazon.Runtime;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Pricing;
using Sync.Clients.Aws.Pricing.Model;
using Sync.Engine.Catalog;

namespace Sync.Api.Catalog;

/// <summary>
/// Refreshes an <see cref="InstanceCatalog"/> from the AWS Price List Query API: for each region asked, the EC2
/// on-demand Linux prices and shapes (<c>AmazonEC2</c>, shared tenancy, no pre-installed software, capacity status
/// <c>Used</c>), the EMR charges (<c>ElasticMapReduce</c>, software type <c>EMR</c>) and the EBS storage prices
/// (<c>AmazonEC2</c>, product family <c>Storage</c>), merged with the current catalog by <see cref="CatalogBuilder"/>.
/// Expected failures (no credentials, no <c>pricing:GetProducts</c> permission, throttling that outlasts the retries,
/// network) come back as a failed <see cref="Response{T}"/>, never as exceptions. Virtual for substitution in tests.
/// </summary>
public partial class CatalogUpdater
{
    /// <summary>The source named in the new catalog's <see cref="InstanceCatalog.Sources"/>.</summary>
    public const string SourceName = "AWS Price List Query API (pricing:GetProducts)";

    private readonly CatalogUpdaterOptions _options;

    /// <summary>Creates an updater.</summary>
    /// <param name="options">Credentials, endpoint, retries.</param>
    public CatalogUpdater(CatalogUpdaterOptions? options = null)
    {
        _options = options ?? new CatalogUpdaterOptions();
    }

    /// <summary>Reads the price list for <paramref name="regions"/> and builds the catalog that replaces <paramref name="current"/>.</summary>
    /// <param name="current">The catalog in use; what the price list does not give is kept from it.</param>
    /// <param name="regions">Region codes to price, e.g. <c>us-east-1</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The new catalog and the changes, or why it could not be built.</returns>
    public virtual async Task<Response<CatalogUpdate>> UpdateAsync(InstanceCatalog current, IReadOnlyList<string> regions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(regions);
        var keeps = $"the catalog of {current.Date}";
        var asked = regions.Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var bad = asked.FirstOrDefault(r => !RegionPattern().IsMatch(r));
        if (asked.Length == 0 || bad is not null)
        {
            return Response.FromError<CatalogUpdate>(new SyncError(SyncErrorKind.InvalidInput,
                bad is null ? "No region to price was given." : $"'{bad}' is not an AWS region code.", "Pass region codes such as us-east-1 (--region).", "region-invalid"));
        }

        try
        {
            var credentials = _options.Credentials ?? AwsEnvironment.ResolveCredentials(_options.Profile);
            using var client = CreateClient(credentials);
            var ec2 = new List<Ec2Offer>();
            var emr = new List<EmrOffer>();
            var ebs = new List<EbsOffer>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["AmazonEC2"] = 0, ["ElasticMapReduce"] = 0 };
            foreach (var region in asked)
            {
                var instances = await client.GetProductsAsync("AmazonEC2",
                [
                    PricingFilter.TermMatch("regionCode", region), PricingFilter.TermMatch("operatingSystem", "Linux"),
                    PricingFilter.TermMatch("tenancy", "Shared"), PricingFilter.TermMatch("preInstalledSw", "NA"),
                    PricingFilter.TermMatch("capacitystatus", "Used"),
                ], cancellationToken).ConfigureAwait(false);
                ec2.AddRange(instances.Where(p => p.OnDemandUsd is > 0 && p.Unit == "Hrs")
                    .Select(p => Ec2Offer.FromAttributes(region, p.OnDemandUsd!.Value, p.Attributes)).OfType<Ec2Offer>());
                _options.Log?.Invoke($"{region}: {instances.Count} EC2 products");

                var charges = await client.GetProductsAsync("ElasticMapReduce",
                    [PricingFilter.TermMatch("regionCode", region), PricingFilter.TermMatch("softwareType", "EMR")], cancellationToken).ConfigureAwait(false);
                emr.AddRange(charges.Where(p => p.OnDemandUsd is > 0 && p.Attributes.ContainsKey("instanceType"))
                    .Select(p => new EmrOffer(region, p.Attributes["instanceType"], p.OnDemandUsd!.Value)));
                _options.Log?.Invoke($"{region}: {charges.Count} EMR products");

                var storage = await client.GetProductsAsync("AmazonEC2",
                    [PricingFilter.TermMatch("regionCode", region), PricingFilter.TermMatch("productFamily", "Storage")], cancellationToken).ConfigureAwait(false);
                ebs.AddRange(storage.Where(p => p.OnDemandUsd is > 0 && p.Unit == "GB-Mo" && p.Attributes.ContainsKey("volumeApiName"))
                    .Select(p => new EbsOffer(region, p.Attributes["volumeApiName"], p.OnDemandUsd!.Value)));
                counts["AmazonEC2"] += instances.Count + storage.Count;
                counts["ElasticMapReduce"] += charges.Count;
            }

            var snapshot = new PriceListSnapshot(asked, ec2, emr, ebs, SourceName, _options.Time.GetUtcNow());
            var catalog = CatalogBuilder.Build(current, snapshot);
            var warnings = asked.Where(r => !emr.Any(o => o.Region == r))
                .Select(r => new SyncWarning("emr-prices-missing", $"The price list gave no EMR charge in {r}; the charges were kept from {keeps} or estimated at 25 % of the EC2 price."))
                .ToList();
            return Response.FromValue(new CatalogUpdate(catalog, CatalogChanges.Between(current, catalog), counts), warnings);
        }
        catch (Exception e) when (CatalogErrors.From(e, keeps, cancellationToken) is { } error)
        {
            return Response.FromError<CatalogUpdate>(error);
        }
    }

    /// <summary>Creates the Price List client; override to substitute it.</summary>
    /// <param name="credentials">The credentials found.</param>
    /// <returns>The client (disposed by the caller).</returns>
    protected virtual PricingServiceClient CreateClient(AWSCredentials credentials) => new(new PricingServiceClientOptions
    {
        Credentials = credentials,
        ServiceUrl = _options.ServiceUrl,
        Retry = _options.Retry,
        Transport = _options.Transport,
        Log = _options.Log,
    });

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();
}
