using System.Globalization;
using Sync.Engine.EventLogs;
using Sync.Engine.Summaries;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.EventLogs;

/// <summary>
/// The 620 logs of the ground-truth set (read from ../shared, never copied: CC BY-NC-SA) parse, and their counts, sums
/// and durations equal the independent figures of its GROUND_TRUTH.csv.
/// </summary>
public class GroundTruthLogTests
{
    [Fact]
    public async Task EveryGroundTruthLogMatchesItsCsvRow()
    {
        var root = GroundTruthCsv.Root;
        var rows = GroundTruthCsv.Rows;
        Assert.Equal(620, rows.Count);

        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (row, ct) =>
        {
            var app = await EventLogReader.ReadAsync(Path.Combine(root, row["file"]), ct);
            var summary = ApplicationSummarizer.Summarize(app);
            void Check(string column, long actual)
            {
                if (long.Parse(row[column], CultureInfo.InvariantCulture) != actual)
                {
                    mismatches.Add($"{row["file"]}: {column} {row[column]} in the CSV, {actual} read");
                }
            }

            Check("tasks_ended", app.Tasks.Count);
            Check("jobs", app.Jobs.Count);
            Check("stages_completed", app.Stages.Count(s => s.CompletionTimeMs is not null));
            Check("executors", app.Executors.Count(e => !e.IsDriver));
            Check("total_executor_cores", app.Executors.Where(e => !e.IsDriver).Sum(e => e.Cores));
            Check("input_bytes_read", summary.Io.InputBytes);
            Check("shuffle_bytes_written", summary.Io.ShuffleWriteBytes);
            Check("duration_ms", app.WallTimeMs);
        });

        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches.Take(20)));
    }
}
