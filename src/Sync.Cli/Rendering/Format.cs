using System.Globalization;

namespace Sync.Cli.Rendering;

/// <summary>Human-readable numbers: durations, byte sizes, percentages.</summary>
internal static class Format
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Duration(long ms) => ms switch
    {
        < 1_000 => $"{ms} ms",
        < 60_000 => (ms / 1000.0).ToString("0.0 s", Culture),
        < 3_600_000 => $"{ms / 60_000} min {ms % 60_000 / 1000} s",
        _ => $"{ms / 3_600_000} h {ms % 3_600_000 / 60_000} min",
    };

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", Culture) + " " + units[unit];
    }

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", Culture) + " %";

    public static string Time(long epochMs) =>
        epochMs <= 0 ? "-" : DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture);

    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary><paramref name="value"/> cut to <paramref name="length"/> characters, an ellipsis ending it when cut.</summary>
    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
