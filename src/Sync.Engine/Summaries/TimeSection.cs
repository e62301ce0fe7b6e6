namespace Sync.Engine.Summaries;

/// <summary>Where the wall time went.</summary>
/// <param name="WallTimeMs">End minus start.</param>
/// <param name="TaskActiveTimeMs">Time during which at least one task was running.</param>
/// <param name="DriverOnlyTimeMs">Wall time with no task running: start-up, planning, listing, collecting, between jobs.</param>
public sealed record TimeSection(long WallTimeMs, long TaskActiveTimeMs, long DriverOnlyTimeMs);
