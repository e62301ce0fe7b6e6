namespace Sync.Service;

/// <summary>Timestamps are stored as Unix milliseconds and shown as UTC <see cref="DateTimeOffset"/>s.</summary>
internal static class Time
{
    public static long NowMs(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
