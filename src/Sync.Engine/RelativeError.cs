namespace Sync.Engine;

/// <summary>The model's error against a measurement: (predicted − measured) / measured, 0 when nothing was measured.</summary>
internal static class RelativeError
{
    public static double Of(long predictedMs, long measuredMs) => measuredMs <= 0 ? 0 : (predictedMs - measuredMs) / (double)measuredMs;
}
