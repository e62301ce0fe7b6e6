namespace Sync.Engine.Summaries;

/// <summary>One stage attempt among the longest.</summary>
/// <param name="StageId">Stage id.</param>
/// <param name="AttemptId">Attempt id.</param>
/// <param name="Name">Stage name.</param>
/// <param name="DurationMs">Submission to completion.</param>
/// <param name="Tasks">Finished task attempts.</param>
/// <param name="TaskTimeMs">Sum of task durations.</param>
/// <param name="MedianTaskMs">Median task duration.</param>
/// <param name="MaxTaskMs">Longest task duration.</param>
/// <param name="Skew">Longest over median task duration (1 = no skew).</param>
/// <param name="InputBytes">Input bytes.</param>
/// <param name="ShuffleReadBytes">Shuffle bytes read.</param>
/// <param name="ShuffleWriteBytes">Shuffle bytes written.</param>
/// <param name="SpilledBytes">Disk bytes spilled.</param>
/// <param name="Failed">Whether the attempt failed.</param>
public sealed record StageSummary(
    int StageId, int AttemptId, string Name, long DurationMs, int Tasks, long TaskTimeMs, long MedianTaskMs, long MaxTaskMs, double Skew,
    long InputBytes, long ShuffleReadBytes, long ShuffleWriteBytes, long SpilledBytes, bool Failed);
