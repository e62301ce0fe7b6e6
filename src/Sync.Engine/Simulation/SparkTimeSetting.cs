namespace Sync.Engine.Simulation;

/// <summary>
/// Reads a Spark time setting (<c>3s</c>, <c>500ms</c>, <c>1min</c>, or a bare number in the setting's default unit),
/// as Spark's configuration does for properties such as <c>spark.locality.wait</c>.
/// </summary>
internal static class SparkTimeSetting
{
    private static readonly (string Suffix, double Ms)[] Units =
    [
        ("us", 0.001), ("ms", 1), ("min", 60_000), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ];

    /// <summary>The setting <paramref name="key"/> of <paramref name="properties"/> in milliseconds, or <see langword="null"/> when unset or unreadable.</summary>
    /// <param name="properties">Spark properties.</param>
    /// <param name="key">The property.</param>
    /// <param name="bareUnitMs">Milliseconds per unit of a bare number (1 for properties whose default unit is ms).</param>
    public static long? Milliseconds(IReadOnlyDictionary<string, string> properties, string key, double bareUnitMs = 1)
    {
        if (!properties.TryGetValue(key, out var text))
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant();
        var unit = bareUnitMs;
        foreach (var (suffix, ms) in Units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                value = value[..^suffix.Length].TrimEnd();
                unit = ms;
                break;
            }
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? (long)Math.Round(n * unit)
            : null;
    }
}
