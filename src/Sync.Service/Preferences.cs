using Sync.Engine.Recommendations;

namespace Sync.Service;

/// <summary>The wire names of <see cref="Preference"/>: <c>performance</c>, <c>balanced</c>, <c>economy</c>.</summary>
public static class Preferences
{
    /// <summary>The wire name of a preference.</summary>
    /// <param name="preference">The preference.</param>
    /// <returns>Its lower-case name.</returns>
    public static string ToWire(Preference preference) => preference.ToString().ToLowerInvariant();

    /// <summary>Reads a wire name (any case).</summary>
    /// <param name="text">The name.</param>
    /// <param name="preference">The preference read.</param>
    /// <returns>Whether <paramref name="text"/> names a preference.</returns>
    public static bool TryParse(string? text, out Preference preference)
    {
        preference = Preference.Balanced;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out preference) && Enum.IsDefined(preference);
    }

    internal static string Validate(string? text, string member) => TryParse(text, out var preference)
        ? ToWire(preference)
        : throw SyncServiceException.Invalid($"{member} '{text}' is not a preference.", "Use performance, balanced or economy.");
}
