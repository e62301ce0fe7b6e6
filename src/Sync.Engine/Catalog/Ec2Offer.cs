using System.Globalization;
using System.Text.RegularExpressions;

namespace Sync.Engine.Catalog;

/// <summary>
/// What a price list says about one EC2 instance type in one region: its on-demand Linux price and the shape given by
/// the product's attributes. Input of <see cref="CatalogBuilder"/>; made from price-list attributes by
/// <see cref="FromAttributes"/>.
/// </summary>
/// <param name="Region">The region code, e.g. <c>us-east-1</c>.</param>
/// <param name="InstanceType">The API name, e.g. <c>m5.xlarge</c>.</param>
/// <param name="UsdPerHour">The on-demand Linux price per hour.</param>
/// <param name="Vcpu">Virtual CPUs, when given.</param>
/// <param name="MemoryMiB">Memory in MiB, when given.</param>
/// <param name="NetworkPerformance">The network attribute as written, e.g. <c>Up to 10 Gigabit</c>, when given.</param>
/// <param name="PhysicalProcessor">The processor as written, e.g. <c>AWS Graviton2 Processor</c>, when given.</param>
/// <param name="Storage">The instance storage as written, e.g. <c>1 x 150 NVMe SSD</c> or <c>EBS only</c>, when given.</param>
/// <param name="Gpus">GPUs of the type (0 when none or not given).</param>
public sealed partial record Ec2Offer(
    string Region, string InstanceType, double UsdPerHour, int? Vcpu, int? MemoryMiB, string? NetworkPerformance,
    string? PhysicalProcessor, string? Storage, int Gpus)
{
    /// <summary>
    /// Reads an offer from price-list product attributes (<c>instanceType</c>, <c>vcpu</c>, <c>memory</c> such as
    /// <c>16 GiB</c> or <c>1,952 GiB</c>, <c>networkPerformance</c>, <c>physicalProcessor</c>, <c>storage</c>,
    /// <c>gpu</c>).
    /// </summary>
    /// <param name="region">The region the price is for.</param>
    /// <param name="usdPerHour">The on-demand price per hour.</param>
    /// <param name="attributes">The product's attributes.</param>
    /// <returns>The offer, or <see langword="null"/> when the attributes name no instance type.</returns>
    public static Ec2Offer? FromAttributes(string region, double usdPerHour, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!attributes.TryGetValue("instanceType", out var type) || string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        string? Get(string name) => attributes.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) && value != "NA" ? value.Trim() : null;
        return new Ec2Offer(region, type.Trim(), usdPerHour, ParseInt(Get("vcpu")), ParseMemoryMiB(Get("memory")), Get("networkPerformance"),
            Get("physicalProcessor"), Get("storage"), ParseInt(Get("gpu")) ?? 0);
    }

    /// <summary>The architecture the processor implies: <c>arm64</c> for AWS Graviton, <c>x86_64</c> for Intel and AMD, else <see langword="null"/>.</summary>
    public string? Architecture => PhysicalProcessor switch
    {
        null => null,
        var p when p.Contains("Graviton", StringComparison.OrdinalIgnoreCase) => "arm64",
        var p when p.Contains("Intel", StringComparison.OrdinalIgnoreCase) || p.Contains("AMD", StringComparison.OrdinalIgnoreCase) => "x86_64",
        _ => null,
    };

    /// <summary>Whether the storage attribute names NVMe instance storage, or <see langword="null"/> when not given.</summary>
    public bool? LocalNvme => Storage is null ? null : Storage.Contains("NVMe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The bandwidth a fixed network attribute states (<c>25 Gigabit</c> → 25,000 Mbit/s); <see langword="null"/> for
    /// burstable (<c>Up to …</c>) and qualitative (<c>Moderate</c>) ones, which state no baseline.
    /// </summary>
    public int? NetworkMbps
    {
        get
        {
            if (NetworkPerformance is null || NetworkPerformance.StartsWith("Up to", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var match = GigabitPattern().Match(NetworkPerformance);
            return match.Success ? (int)Math.Round(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1000) : null;
        }
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ParseMemoryMiB(string? text)
    {
        var match = text is null ? null : MemoryPattern().Match(text);
        if (match is not { Success: true })
        {
            return null;
        }

        var amount = double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (int)Math.Round(match.Groups[2].Value.Equals("TiB", StringComparison.OrdinalIgnoreCase) ? amount * 1024 * 1024 : amount * 1024);
    }

    [GeneratedRegex(@"^\s*([\d,]+(?:\.\d+)?)\s*(GiB|TiB)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*Gigabit", RegexOptions.IgnoreCase)]
    private static partial Regex GigabitPattern();
}
