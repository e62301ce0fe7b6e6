using Sync.Engine.Catalog;

namespace Sync.Engine.Recommendations;

/// <summary>
/// The worker instance types a recommendation searches: the observed type, and the general-purpose, compute- and
/// memory-optimised families (<c>m</c>, <c>c</c>, <c>r</c>, with or without local NVMe) of the same CPU generation and
/// architecture, priced in the run's region (and offered by Databricks for a Databricks run). Within a generation and
/// architecture a core is taken to be as fast as the observed one, so the model changes only what it can measure:
/// cores, memory per executor (cached data, <see cref="Simulation.CacheRescaling"/>) and node counts. Other
/// generations would need a measured per-core speed ratio, which the catalog does not have.
/// </summary>
internal static class CandidateTypes
{
    private static readonly char[] Kinds = ['m', 'c', 'r'];

    public static IReadOnlyList<InstanceType> For(InstanceCatalog catalog, InstanceType observed, string region, bool databricks, int minVcpu)
    {
        var candidates = catalog.Instances
            .Where(t => t.Type == observed.Type
                        || (t.Architecture == observed.Architecture && t.Generation == observed.Generation
                            && Kinds.Contains(t.Family[0]) && SameProcessor(t.Family, observed.Family)
                            && t.Vcpu >= minVcpu && t.Vcpu <= 96 && !t.Type.Contains("metal", StringComparison.Ordinal)))
            .Where(t => t.Prices.ContainsKey(region) && (!databricks || t.DatabricksDbuPerHour is not null))
            .OrderBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        return candidates;
    }

    /// <summary>
    /// Same processor line: the family's suffix letters after the generation (e.g. <c>a</c> for AMD, <c>g</c> for
    /// Graviton, <c>n</c> for network-optimised) match, ignoring <c>d</c> (local NVMe), which does not change the CPU.
    /// </summary>
    private static bool SameProcessor(string family, string observedFamily) =>
        Suffix(family) == Suffix(observedFamily);

    private static string Suffix(string family)
    {
        var i = 1;
        while (i < family.Length && char.IsDigit(family[i]))
        {
            i++;
        }

        return family[i..].Replace("d", "", StringComparison.Ordinal);
    }
}
