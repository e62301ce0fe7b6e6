namespace Sync.Clients.Aws.Emr.Model;

/// <summary>How instances are bought. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("MarketType")]
public static class MarketType
{
    /// <summary><c>ON_DEMAND</c>.</summary>
    public const string OnDemand = "ON_DEMAND";

    /// <summary><c>SPOT</c>.</summary>
    public const string Spot = "SPOT";
}
