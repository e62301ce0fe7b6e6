using System.Globalization;
using System.Text.RegularExpressions;

namespace Sync.Cli.Commands;

/// <summary>Durations on the command line: 45m, 1h30m, 900s, 2h.</summary>
internal static partial class Durations
{
    /// <summary>The duration, or <see langword="null"/> when <paramref name="text"/> is not one (or not positive).</summary>
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var duration = TimeSpan.FromHours(Part(1)) + TimeSpan.FromMinutes(Part(2)) + TimeSpan.FromSeconds(Part(3));
        return duration > TimeSpan.Zero ? duration : null;
    }

    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$")]
    private static partial Regex Pattern();
}
