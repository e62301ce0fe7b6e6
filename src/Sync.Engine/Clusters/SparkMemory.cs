using System.Globalization;

namespace Sync.Engine.Clusters;

/// <summary>Spark's memory sizes (<c>spark.executor.memory=9486m</c>, <c>4g</c>, <c>512k</c>; a bare number is MiB) in MiB.</summary>
public static class SparkMemory
{
    /// <summary>Reads a Spark memory size as MiB.</summary>
    /// <param name="value">The setting's value.</param>
    /// <param name="mib">The size in MiB.</param>
    /// <returns>Whether the value is a memory size.</returns>
    public static bool TryParseMiB(string? value, out double mib)
    {
        mib = 0;
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.EndsWith('b') && text.Length > 1 && !char.IsDigit(text[^2]))
        {
            text = text[..^1];
        }

        var unit = char.IsDigit(text[^1]) ? 'm' : text[^1];
        var number = char.IsDigit(text[^1]) ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            return false;
        }

        double? factor = unit switch
        {
            'k' => 1.0 / 1024,
            'm' => 1,
            'g' => 1024,
            't' => 1024 * 1024,
            _ => null,
        };
        if (factor is null)
        {
            return false;
        }

        mib = n * factor.Value;
        return true;
    }

    /// <summary>Writes a size in MiB the way Spark settings take it (whole MiB, <c>m</c> suffix).</summary>
    /// <param name="mib">The size in MiB.</param>
    /// <returns>The setting's value, e.g. <c>18972m</c>.</returns>
    public static string FormatMiB(double mib) => ((long)Math.Floor(mib)).ToString(CultureInfo.InvariantCulture) + "m";
}
