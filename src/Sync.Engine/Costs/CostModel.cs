using Sync.Engine.Catalog;
using Sync.Engine.Clusters;

namespace Sync.Engine.Costs;

/// <summary>
/// Cost of a run = every node's billed time (request to termination, so provisioning and bootstrap are included as
/// observed) × (instance price + EMR charge or Databricks DBUs × USD per DBU, at the Photon rate when Photon was on)
/// + EBS volumes for the same time.
/// Billing is per second with a one-minute minimum, as EC2, EMR and Databricks bill Linux instances.
/// </summary>
public sealed class CostModel(InstanceCatalog catalog)
{
    private const double HoursPerMonth = 730;

    /// <summary>Prices the run described by <paramref name="report"/>.</summary>
    /// <param name="report">The cluster report.</param>
    /// <exception cref="KeyNotFoundException">A node's instance type or the region is not in the catalog.</exception>
    public RunCost Cost(ClusterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var seconds = Math.Max(60, (report.Timeline.Terminated - report.Timeline.Requested).TotalSeconds);
        var hours = seconds / 3600;
        double ec2 = 0, platform = 0, ebs = 0;
        var notes = new List<string>();
        foreach (var group in report.Nodes)
        {
            if (!catalog.TryGet(group.InstanceType, out var instance))
            {
                throw new KeyNotFoundException($"Instance type '{group.InstanceType}' is not in the instance catalog of {catalog.Date}; update it with a newer catalog file.");
            }

            if (!instance.Prices.TryGetValue(report.Region, out var price))
            {
                throw new KeyNotFoundException($"The instance catalog of {catalog.Date} has no prices for region '{report.Region}'.");
            }

            var nodeHours = group.Count * hours;
            ec2 += nodeHours * (group.Market == "spot" && group.SpotPriceUsdPerHour is { } spot ? spot : price.Ec2OnDemand);
            if (group.Market == "spot" && group.SpotPriceUsdPerHour is null)
            {
                notes.Add($"{group.InstanceType} ({group.Role}) ran on spot without a recorded price; the on-demand price was used.");
            }

            if (report.Platform == "aws-emr")
            {
                platform += nodeHours * price.Emr;
                if (price.EmrEstimated)
                {
                    notes.Add($"The EMR charge of {group.InstanceType} is estimated at 25 % of its EC2 price.");
                }
            }
            else
            {
                var dbu = instance.DatabricksDbuPerHour
                          ?? throw new KeyNotFoundException($"The instance catalog of {catalog.Date} has no Databricks DBU rate for '{group.InstanceType}'.");
                platform += nodeHours * dbu * DatabricksUsdPerDbu(report.Photon, notes);
            }

            foreach (var volume in group.Ebs ?? [])
            {
                var perGbMonth = catalog.EbsUsdPerGbMonth(report.Region, volume.VolumeType)
                                 ?? throw new KeyNotFoundException($"The instance catalog of {catalog.Date} has no EBS price for '{volume.VolumeType}' in '{report.Region}'.");
                ebs += group.Count * volume.Count * volume.SizeGb * perGbMonth / HoursPerMonth * hours;
            }
        }

        return new RunCost(ec2 + platform + ebs, ec2, platform, ebs, hours, notes.Distinct().ToArray());
    }

    /// <summary>The rate of jobs compute, with Photon when it was on (noting where the catalog's rate comes from).</summary>
    private double DatabricksUsdPerDbu(bool photon, List<string> notes)
    {
        if (!photon)
        {
            return catalog.DatabricksUsdPerDbu;
        }

        if (catalog.DatabricksPhotonUsdPerDbu is { } rate)
        {
            notes.Add($"Photon DBUs are priced at the catalog's Photon jobs-compute rate ({rate:0.###} USD/DBU; see its sources for where it comes from).");
            return rate;
        }

        notes.Add($"The instance catalog of {catalog.Date} has no Photon rate: Photon DBUs are priced at the jobs-compute rate, which understates them.");
        return catalog.DatabricksUsdPerDbu;
    }
}
