using Spectre.Console;

namespace Sync.Cli.Rendering;

/// <summary>What a p10–p90 column holds, printed under the tables that show one.</summary>
internal static class IntervalNote
{
    public static void Write(IAnsiConsole console) =>
        console.MarkupLine("[grey]p10–p90: the spread of replays with resampled task durations, widened to the model's error on ground truth for a " +
                           "prediction this many doublings of slots away and by the reconstruction error (docs/accuracy.md, \"Uncertainty\").[/]");
}
