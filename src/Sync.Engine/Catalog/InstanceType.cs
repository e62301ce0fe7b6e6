namespace Sync.Engine.Catalog;

/// <summary>One EC2 instance type of the <see cref="InstanceCatalog"/>.</summary>
/// <param name="Type">The API name, e.g. <c>m5.xlarge</c>.</param>
/// <param name="Family">The family, e.g. <c>m5</c>.</param>
/// <param name="Generation">The generation number of the family.</param>
/// <param name="Architecture"><c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="Vcpu">Virtual CPUs.</param>
/// <param name="MemoryMiB">Memory in MiB.</param>
/// <param name="NetworkMbps">Baseline network bandwidth in Mbit/s, when known.</param>
/// <param name="LocalNvme">Whether the type has local NVMe instance storage (a <c>d</c> variant).</param>
/// <param name="Prices">Prices by region.</param>
/// <param name="DatabricksDbuPerHour">Databricks units per hour on jobs compute, when Databricks offers the type.</param>
public sealed record InstanceType(
    string Type, string Family, int Generation, string Architecture, int Vcpu, int MemoryMiB, int? NetworkMbps, bool LocalNvme,
    IReadOnlyDictionary<string, RegionalPrice> Prices, double? DatabricksDbuPerHour);
