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

    [Fact]
    public void TheModelsErrorBandWidensTheIntervalAroundThePrediction()
    {
        var band = new ModelErrorBand(1, 100, Math.Log(0.5), Math.Log(1.25));

        var interval = new PredictionInterval(900, 1_000, 1_100, 16).WithModelError(band);

        Assert.Equal((500, 1_000, 1_250), (interval.LowMs, interval.MedianMs, interval.HighMs));
        Assert.Same(band, interval.ModelError);
    }

    [Fact]
    public void AScheduleSpreadWiderThanTheBandStays()
    {
        var interval = new PredictionInterval(600, 1_000, 1_100, 16).WithModelError(new ModelErrorBand(1, 100, Math.Log(0.8), Math.Log(1.5)));

        Assert.Equal((600, 1_500), (interval.LowMs, interval.HighMs));
    }
}
