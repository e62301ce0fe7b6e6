using Sync.Engine.Simulation;

namespace Sync.Engine.Tests.Simulation;

public class PredictionIntervalTests
{
    [Fact]
    public void WideningScalesEachBoundByTheModelsErrorShare()
    {
        var interval = new PredictionInterval(900, 1_000, 1_200, 16).Widened(0.25);

        Assert.Equal((675, 1_000, 1_500), (interval.LowMs, interval.MedianMs, interval.HighMs));
        Assert.Equal(0.25, interval.ModelErrorShare);
    }

    [Fact]
    public void AnExactReconstructionLeavesTheIntervalAsItWas()
    {
        var interval = new PredictionInterval(900, 1_000, 1_200, 16);

        Assert.Equal(interval with { ModelErrorShare = 0 }, interval.Widened(0));
    }
}
