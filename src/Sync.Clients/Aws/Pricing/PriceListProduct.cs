using System.Globalization;
using System.Text.Json;

namespace Sync.Clients.Aws.Pricing;

/// <summary>
/// One entry of a Price List <c>PriceList</c>: the product (SKU, family, attributes) and its on-demand price, read from
/// the JSON document the entry's string holds (<c>product.attributes</c>,
/// <c>terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD</c>).
/// </summary>
/// <param name="Sku">The product's SKU.</param>
/// <param name="ProductFamily">The product family, e.g. <c>Compute Instance</c>.</param>
/// <param name="Attributes">The product's attributes (<c>instanceType</c>, <c>vcpu</c>, <c>memory</c>, <c>regionCode</c>, …).</param>
/// <param name="OnDemandUsd">The on-demand price per <paramref name="Unit"/> in USD (first tier), or <see langword="null"/> when the product has no on-demand term.</param>
/// <param name="Unit">The unit of the price, e.g. <c>Hrs</c> or <c>GB-Mo</c>.</param>
/// <param name="PublicationDate">When the price list was published, as written.</param>
public sealed record PriceListProduct(
    string Sku, string? ProductFamily, IReadOnlyDictionary<string, string> Attributes, double? OnDemandUsd, string? Unit, string? PublicationDate)
{
    /// <summary>Reads one <c>PriceList</c> entry.</summary>
    /// <param name="json">The entry's string.</param>
    /// <returns>The product.</returns>
    /// <exception cref="FormatException">The entry is not a price-list product.</exception>
    public static PriceListProduct Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a price-list entry has no product");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (product.TryGetProperty("attributes", out var attributeObject) && attributeObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var attribute in attributeObject.EnumerateObject())
                {
                    if (attribute.Value.ValueKind == JsonValueKind.String)
                    {
                        attributes[attribute.Name] = attribute.Value.GetString()!;
                    }
                }
            }

            var (price, unit) = OnDemand(root);
            return new PriceListProduct(String(product, "sku") ?? "", String(product, "productFamily"), attributes, price, unit, String(root, "publicationDate"));
        }
        catch (JsonException e)
        {
            throw new FormatException($"a price-list entry is not JSON: {e.Message}", e);
        }
    }

    private static (double? Price, string? Unit) OnDemand(JsonElement root)
    {
        if (!root.TryGetProperty("terms", out var terms) || terms.ValueKind != JsonValueKind.Object
            || !terms.TryGetProperty("OnDemand", out var onDemand) || onDemand.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        foreach (var term in onDemand.EnumerateObject())
        {
            if (!term.Value.TryGetProperty("priceDimensions", out var dimensions) || dimensions.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var tiers = dimensions.EnumerateObject().Select(d => d.Value)
                .OrderBy(d => double.TryParse(String(d, "beginRange"), NumberStyles.Float, CultureInfo.InvariantCulture, out var begin) ? begin : 0);
            foreach (var dimension in tiers)
            {
                if (dimension.TryGetProperty("pricePerUnit", out var perUnit) && String(perUnit, "USD") is { } usd
                    && double.TryParse(usd, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return (value, String(dimension, "unit"));
                }
            }
        }

        return (null, null);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
