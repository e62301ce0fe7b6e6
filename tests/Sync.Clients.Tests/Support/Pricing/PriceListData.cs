using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sync.Tests.Support.Pricing;

/// <summary>
/// The products a <see cref="PriceListEmulator"/> serves, made from the real data in <c>../shared/data/catalogs</c>:
/// EC2 on-demand Linux prices of us-east-1 (karpenter's generated table), vCPU, memory and GPUs (spark-rapids-tools'
/// EMR instance catalog) and baseline bandwidth (karpenter). Each EC2 type also gets products the catalog filters
/// must leave out (Windows, dedicated tenancy, SQL Server pre-installed, unused capacity reservations) at other prices.
/// Simplifications, as an emulator: other regions are us-east-1 scaled by a factor; EMR charges are the published
/// points (m5.xlarge 0.048, r5.2xlarge 0.126) and 25 % of the EC2 price otherwise; EBS prices are us-east-1 list prices;
/// <c>networkPerformance</c> is written from the baseline bandwidth; processor names are by family letter.
/// </summary>
public sealed class PriceListData
{
    private static readonly Dictionary<string, double> EmrPublished = new() { ["m5.xlarge"] = 0.048, ["r5.2xlarge"] = 0.126 };
    private static readonly Dictionary<string, double> EbsUsEast1 = new() { ["gp3"] = 0.08, ["gp2"] = 0.10, ["io1"] = 0.125, ["st1"] = 0.045, ["sc1"] = 0.015 };

    private readonly Dictionary<string, Dictionary<string, double>> _ec2 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Vcpu, int MemoryMiB, int Gpus)> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _bandwidth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _regionFactor = new(StringComparer.Ordinal) { ["us-east-1"] = 1.0 };
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<Product>> _cache = new(StringComparer.Ordinal);

    /// <summary>Reads the data from <paramref name="catalogs"/> (<c>../shared/data/catalogs</c>).</summary>
    public PriceListData(string catalogs)
    {
        using var prices = JsonDocument.Parse(File.ReadAllText(Path.Combine(catalogs, "karpenter", "ec2-ondemand-prices.json")));
        using var shapes = JsonDocument.Parse(File.ReadAllText(Path.Combine(catalogs, "spark-rapids-tools", "emr-instance-catalog.json")));
        using var bandwidth = JsonDocument.Parse(File.ReadAllText(Path.Combine(catalogs, "karpenter", "ec2-network-bandwidth.json")));
        PublicationDate = prices.RootElement.GetProperty("generated_at").GetString()!;
        foreach (var shape in shapes.RootElement.EnumerateObject())
        {
            var gpus = shape.Value.TryGetProperty("GpuInfo", out var info) ? info.EnumerateArray().Sum(g => g.GetProperty("Count")[0].GetInt32()) : 0;
            _shapes[shape.Name] = (shape.Value.GetProperty("VCpuCount").GetInt32(), shape.Value.GetProperty("MemoryInMB").GetInt32(), gpus);
        }

        foreach (var type in bandwidth.RootElement.GetProperty("bandwidth_mbps").EnumerateObject())
        {
            _bandwidth[type.Name] = type.Value.GetInt32();
        }

        var usEast1 = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var price in prices.RootElement.GetProperty("prices").GetProperty("us-east-1").EnumerateObject())
        {
            if (_shapes.ContainsKey(price.Name))
            {
                usEast1[price.Name] = price.Value.GetDouble();
            }
        }

        _ec2["us-east-1"] = usEast1;
    }

    /// <summary>The publication date written into every product (the price table's generation time).</summary>
    public string PublicationDate { get; }

    /// <summary>The EC2 on-demand price the emulator serves for <paramref name="type"/> in <paramref name="region"/>, if any.</summary>
    public double? Ec2Price(string region, string type)
    {
        lock (_gate)
        {
            return _ec2.TryGetValue(region, out var types) && types.TryGetValue(type, out var price) ? price : null;
        }
    }

    /// <summary>Adds a region whose prices are us-east-1's times <paramref name="factor"/> (an emulator simplification).</summary>
    public void AddRegion(string region, double factor)
    {
        lock (_gate)
        {
            _cache.Clear();
            _regionFactor[region] = factor;
            _ec2[region] = _ec2["us-east-1"].ToDictionary(p => p.Key, p => Math.Round(p.Value * factor, 4), StringComparer.Ordinal);
        }
    }

    /// <summary>Changes one EC2 price.</summary>
    public void SetEc2Price(string region, string type, double usdPerHour)
    {
        lock (_gate)
        {
            _cache.Clear();
            _ec2[region][type] = usdPerHour;
        }
    }

    /// <summary>Stops offering <paramref name="type"/> in <paramref name="region"/>.</summary>
    public void RemoveEc2Type(string region, string type)
    {
        lock (_gate)
        {
            _cache.Clear();
            _ec2[region].Remove(type);
        }
    }

    /// <summary>Offers a new type <paramref name="type"/> with the shape of <paramref name="like"/>.</summary>
    public void AddEc2Type(string region, string type, string like, double usdPerHour)
    {
        lock (_gate)
        {
            _cache.Clear();
            _shapes[type] = _shapes[like];
            if (_bandwidth.TryGetValue(like, out var mbps))
            {
                _bandwidth[type] = mbps;
            }

            _ec2[region][type] = usdPerHour;
        }
    }

    /// <summary>Every product of <paramref name="serviceCode"/>, or <see langword="null"/> when the emulator does not know the service.</summary>
    public IReadOnlyList<Product>? Products(string serviceCode)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(serviceCode, out var cached))
            {
                return cached;
            }

            IReadOnlyList<Product>? products = serviceCode switch
            {
                "AmazonEC2" => [.. Ec2Products()],
                "ElasticMapReduce" => [.. EmrProducts()],
                _ => null,
            };
            if (products is not null)
            {
                _cache[serviceCode] = products;
            }

            return products;
        }
    }

    private IEnumerable<Product> Ec2Products()
    {
        foreach (var (region, types) in _ec2.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var (type, price) in types.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var attributes = InstanceAttributes(region, type);
                yield return Ec2(attributes, region, price);
                yield return Ec2(With(attributes, "operatingSystem", "Windows"), region, Math.Round(price + 0.046 * _shapes[type].Vcpu, 4));
                yield return Ec2(With(attributes, "tenancy", "Dedicated"), region, Math.Round(price * 1.1, 4));
                yield return Ec2(With(attributes, "preInstalledSw", "SQL Std"), region, Math.Round(price + 0.12 * _shapes[type].Vcpu, 4));
                yield return Ec2(With(attributes, "capacitystatus", "UnusedCapacityReservation"), region, price);
            }

            foreach (var (volume, price) in EbsUsEast1)
            {
                var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["servicecode"] = "AmazonEC2", ["regionCode"] = region, ["location"] = Location(region), ["locationType"] = "AWS Region",
                    ["volumeApiName"] = volume, ["storageMedia"] = volume.StartsWith("gp", StringComparison.Ordinal) || volume == "io1" ? "SSD-backed" : "HDD-backed",
                    ["usagetype"] = $"EBS:VolumeUsage.{volume}", ["operation"] = "",
                };
                yield return new Product("AmazonEC2", "Storage", attributes, Math.Round(price * _regionFactor[region], 4), "GB-Mo",
                    $"${price} per GB-month of {volume} provisioned storage");
            }
        }
    }

    private IEnumerable<Product> EmrProducts()
    {
        foreach (var (region, types) in _ec2.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var (type, price) in types.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var charge = EmrPublished.TryGetValue(type, out var published) ? published * _regionFactor[region] : price * 0.25;
                var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["servicecode"] = "ElasticMapReduce", ["regionCode"] = region, ["location"] = Location(region), ["locationType"] = "AWS Region",
                    ["instanceType"] = type, ["instanceFamily"] = Family(type), ["softwareType"] = "EMR", ["usagetype"] = $"BoxUsage:{type}", ["operation"] = "",
                };
                yield return new Product("ElasticMapReduce", "Elastic Map Reduce Instance", attributes, charge, "Hrs",
                    $"${Math.Round(charge, 6)} per hour for EMR {type}");
            }
        }
    }

    private SortedDictionary<string, string> InstanceAttributes(string region, string type)
    {
        var (vcpu, memoryMiB, gpus) = _shapes[type];
        var family = type[..type.IndexOf('.', StringComparison.Ordinal)];
        var variant = family.TrimStart('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z')
            .TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        var processor = family == "a1" ? "AWS Graviton Processor"
            : variant.Contains('g', StringComparison.Ordinal) ? "AWS Graviton2 Processor"
            : variant.Contains('a', StringComparison.Ordinal) ? "AMD EPYC 7R13 Processor"
            : "Intel Xeon Platinum 8175";
        var mbps = _bandwidth.TryGetValue(type, out var known) ? known : 0;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["servicecode"] = "AmazonEC2", ["servicename"] = "Amazon Elastic Compute Cloud", ["regionCode"] = region, ["location"] = Location(region),
            ["locationType"] = "AWS Region", ["instanceType"] = type, ["instanceFamily"] = Family(type), ["currentGeneration"] = "Yes",
            ["vcpu"] = vcpu.ToString(CultureInfo.InvariantCulture),
            ["memory"] = (memoryMiB / 1024.0).ToString("#,0.###", CultureInfo.InvariantCulture) + " GiB",
            ["storage"] = variant.Contains('d', StringComparison.Ordinal) ? $"1 x {Math.Max(50, vcpu * 37)} NVMe SSD" : "EBS only",
            ["networkPerformance"] = mbps >= 10000 ? $"{mbps / 1000.0:0.###} Gigabit" : mbps > 0 ? "Up to 10 Gigabit" : "Moderate",
            ["physicalProcessor"] = processor, ["processorArchitecture"] = "64-bit", ["gpu"] = gpus.ToString(CultureInfo.InvariantCulture),
            ["operatingSystem"] = "Linux", ["tenancy"] = "Shared", ["preInstalledSw"] = "NA", ["capacitystatus"] = "Used",
            ["licenseModel"] = "No License required", ["operation"] = "RunInstances", ["usagetype"] = $"BoxUsage:{type}", ["marketoption"] = "OnDemand",
        };
    }

    private static SortedDictionary<string, string> With(SortedDictionary<string, string> attributes, string name, string value)
    {
        var copy = new SortedDictionary<string, string>(attributes, StringComparer.Ordinal) { [name] = value };
        if (name == "operatingSystem")
        {
            copy["operation"] = "RunInstances:0002";
        }

        return copy;
    }

    private Product Ec2(SortedDictionary<string, string> attributes, string region, double price) =>
        new("AmazonEC2", "Compute Instance", attributes, price, "Hrs",
            $"${price} per On Demand {attributes["operatingSystem"]} {attributes["instanceType"]} Instance Hour");

    private static string Family(string type) => type[0] switch
    {
        'c' => "Compute optimized",
        'r' or 'x' or 'z' or 'u' => "Memory optimized",
        'i' or 'd' or 'h' => "Storage optimized",
        'g' or 'p' or 'f' => "Accelerated Computing",
        _ => "General purpose",
    };

    private static string Location(string region) => region switch
    {
        "us-east-1" => "US East (N. Virginia)",
        "eu-west-1" => "EU (Ireland)",
        _ => region,
    };

    /// <summary>One product and its on-demand price.</summary>
    public sealed record Product(string ServiceCode, string ProductFamily, IReadOnlyDictionary<string, string> Attributes, double Usd, string Unit, string Description)
    {
        private string? _sku;

        /// <summary>The value of filter field <paramref name="field"/>: an attribute, or the product family or SKU.</summary>
        public string? Field(string field) =>
            field.Equals("productFamily", StringComparison.OrdinalIgnoreCase) ? ProductFamily
            : field.Equals("sku", StringComparison.OrdinalIgnoreCase) ? Sku
            : Attributes.TryGetValue(field, out var value) ? value
            : Attributes.FirstOrDefault(a => a.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value;

        /// <summary>A stable SKU made from the product's attributes.</summary>
        public string Sku => _sku ??= Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ServiceCode + string.Join('|', Attributes.Select(a => a.Key + "=" + a.Value)))))[..16];

        /// <summary>The product as a <c>PriceList</c> entry (format <c>aws_v1</c>): a JSON document in a string.</summary>
        public string ToPriceListEntry(string publicationDate)
        {
            var sku = Sku;
            const string term = "JRTCKXETXF";
            var dimension = $"{sku}.{term}.6YS6EN2CT7";
            var entry = new JsonObject
            {
                ["product"] = new JsonObject
                {
                    ["productFamily"] = ProductFamily,
                    ["attributes"] = new JsonObject(Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
                    ["sku"] = sku,
                },
                ["serviceCode"] = ServiceCode,
                ["terms"] = new JsonObject
                {
                    ["OnDemand"] = new JsonObject
                    {
                        [$"{sku}.{term}"] = new JsonObject
                        {
                            ["priceDimensions"] = new JsonObject
                            {
                                [dimension] = new JsonObject
                                {
                                    ["unit"] = Unit, ["endRange"] = "Inf", ["description"] = Description, ["appliesTo"] = new JsonArray(),
                                    ["rateCode"] = dimension, ["beginRange"] = "0",
                                    ["pricePerUnit"] = new JsonObject { ["USD"] = Usd.ToString("0.0000000000", CultureInfo.InvariantCulture) },
                                },
                            },
                            ["sku"] = sku, ["effectiveDate"] = publicationDate, ["offerTermCode"] = term, ["termAttributes"] = new JsonObject(),
                        },
                    },
                },
                ["version"] = new string([.. publicationDate.Where(char.IsDigit)]),
                ["publicationDate"] = publicationDate,
            };
            return entry.ToJsonString();
        }
    }
}
