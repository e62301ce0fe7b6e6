namespace Sync.Engine.Summaries;

/// <summary>Alive executors and cores from <see cref="TimeMs"/> until the next point.</summary>
/// <param name="TimeMs">When the change happened (epoch ms).</param>
/// <param name="Executors">Executors alive.</param>
/// <param name="Cores">Cores alive.</param>
public sealed record ExecutorTimelinePoint(long TimeMs, int Executors, int Cores);
