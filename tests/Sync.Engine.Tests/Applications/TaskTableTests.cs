using Sync.Engine.Applications;

namespace Sync.Engine.Tests.Applications;

public class TaskTableTests
{
    [Fact]
    public void RecordsSurviveChunkBoundariesAndRemovalsInOrder()
    {
        var table = new TaskTable(new StringTable(), new StringTable(), new StringTable());
        const int total = 40_000; // more than two chunks of 16,384
        for (var i = 0; i < total; i++)
        {
            table.AddUninitialized().TaskId = i;
            if (i % 16_384 == 0)
            {
                // A record abandoned right at a chunk start (a malformed line) must not shift later records.
                table.AddUninitialized().TaskId = -1;
                table.RemoveLast();
            }
        }

        Assert.Equal(total, table.Count);
        for (var i = 0; i < total; i++)
        {
            Assert.Equal(i, table[i].TaskId);
        }

        Assert.Equal(total, table.Chunks.Sum(c => c.Length));
        Assert.Equal(Enumerable.Range(0, total).Select(i => (long)i), table.Chunks.SelectMany(c => c.ToArray()).Select(t => t.TaskId));
        Assert.Throws<ArgumentOutOfRangeException>(() => table[total].TaskId);
    }

    [Fact]
    public void ATaskRecordStaysSmallEnoughForAMillionTasksInWellUnderAGigabyte() =>
        Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<TaskRecord>() <= 240, $"{System.Runtime.CompilerServices.Unsafe.SizeOf<TaskRecord>()} bytes");

    [Fact]
    public void SchedulerDelayIsWhatRunTimeDeserializationSerializationAndResultFetchDoNotExplain()
    {
        var t = new TaskRecord
        {
            LaunchTimeMs = 1_000, FinishTimeMs = 2_000, GettingResultTimeMs = 1_900,
            ExecutorRunTimeMs = 600, ExecutorDeserializeTimeMs = 100, ResultSerializationTimeMs = 50,
        };

        Assert.Equal(100, t.GettingResultDurationMs);
        Assert.Equal(1_000 - 600 - 100 - 50 - 100, t.SchedulerDelayMs);
    }
}
