using System.Text;
using Sync.Engine.Simulation;

namespace Sync.Engine.Tests.Simulation;

public class ModelErrorBandsTests
{
    /// <summary>Bands of zero width: intervals from schedule variability alone.</summary>
    internal static readonly ModelErrorBands Exact = Bands(new ModelErrorBand(0, 1, 0, 0), [new ModelErrorBand(null, 1, 0, 0)], [new ModelErrorBand(null, 1, 0, 0)]);

    private static ModelErrorBands Bands(ModelErrorBand same, IReadOnlyList<ModelErrorBand> fewer, IReadOnlyList<ModelErrorBand> more) =>
        new("test", "2026-11-26", "none", "none", 0.1, 0.9, same, fewer, more);

    private static readonly ModelErrorBands Stepped = Bands(
        new ModelErrorBand(0, 10, -0.1, 0.1),
        [new ModelErrorBand(1, 10, -0.2, 0.1), new ModelErrorBand(2, 10, -0.5, 0.2), new ModelErrorBand(null, 10, -0.9, 0.3)],
        [new ModelErrorBand(1, 10, -0.1, 0.3), new ModelErrorBand(null, 10, -0.2, 0.8)]);

    [Theory]
    [InlineData(16, 16, "same", 0)]
    [InlineData(16, 12, "fewer", 0)] // 0.4 doublings
    [InlineData(16, 8, "fewer", 0)] // exactly 1
    [InlineData(16, 4, "fewer", 1)]
    [InlineData(16, 1, "fewer", 2)] // 4 doublings, beyond the last bound
    [InlineData(16, 32, "more", 0)]
    [InlineData(2, 1024, "more", 1)]
    public void APredictionTakesTheBandOfItsSlotDoublings(int observedSlots, int targetSlots, string side, int index)
    {
        var expected = side switch
        {
            "same" => Stepped.SameSlots,
            "fewer" => Stepped.FewerSlots[index],
            _ => Stepped.MoreSlots[index],
        };

        Assert.Same(expected, Stepped.For(observedSlots, targetSlots));
    }

    [Fact]
    public void TheBuiltInBandsWidenWithDistanceAndHoldTheRepeatNoise()
    {
        var bands = ModelErrorBands.BuiltIn;

        Assert.True(bands.SameSlots.Low < 0 && bands.SameSlots.High > 0, $"{bands.SameSlots}");
        foreach (var side in new[] { bands.FewerSlots, bands.MoreSlots })
        {
            Assert.Null(side[^1].UpToDoublings);
            Assert.True(side[0].Low <= bands.SameSlots.Low && side[0].High >= bands.SameSlots.High);
            for (var i = 1; i < side.Count; i++)
            {
                Assert.True(side[i].Low <= side[i - 1].Low && side[i].High >= side[i - 1].High, $"band {i}: {side[i]} inside {side[i - 1]}");
            }
        }

        // What the model is known to miss: a smaller cluster runs faster than predicted, a larger one slower.
        Assert.True(-bands.FewerSlots[^1].Low > bands.FewerSlots[^1].High);
        Assert.True(bands.MoreSlots[^1].High > -bands.MoreSlots[2].Low);
    }

    [Theory]
    [InlineData("""{"sameSlots":{"low":-0.1,"high":0.1},"fewerSlots":[{"upToDoublings":null,"low":0.2,"high":0.1}],"moreSlots":[{"upToDoublings":null,"low":0,"high":0}]}""", "low ≤ high")]
    [InlineData("""{"sameSlots":{"low":-0.1,"high":0.1},"fewerSlots":[{"upToDoublings":2,"low":0,"high":0},{"upToDoublings":1,"low":0,"high":0}],"moreSlots":[{"upToDoublings":null,"low":0,"high":0}]}""", "nearest first")]
    [InlineData("""{"sameSlots":{"low":-0.1,"high":0.1},"moreSlots":[{"upToDoublings":null,"low":0,"high":0}]}""", "fewerSlots")]
    [InlineData("""[1, 2]""", "not a model error bands file")]
    public void BandsThatCannotBeUsedAreRefusedWithTheReason(string json, string reason)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => ModelErrorBands.Read(stream, "bands.json"));

        Assert.Contains("bands.json", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void BandsInTheSyncDirectoryReplaceTheBuiltInOnes()
    {
        var home = Directory.CreateTempSubdirectory("sync-bands-").FullName;
        try
        {
            Assert.Same(ModelErrorBands.BuiltIn, ModelErrorBands.Resolve(home));

            File.WriteAllText(Path.Combine(home, "model-error-bands.json"),
                """{"description":"mine","measured":"2026-11-26","command":"c","groundTruth":"g","lowQuantile":0.1,"highQuantile":0.9,"sameSlots":{"low":-0.2,"high":0.2},"fewerSlots":[{"upToDoublings":null,"low":-0.5,"high":0.5}],"moreSlots":[{"upToDoublings":null,"low":-0.7,"high":0.7}]}""");
            var mine = ModelErrorBands.Resolve(home);
            Assert.Equal("mine", mine.Description);
            Assert.Equal(0.7, mine.For(4, 64).High);

            File.WriteAllText(Path.Combine(home, "model-error-bands.json"), "[1, 2]");
            var error = Assert.Throws<InvalidDataException>(() => ModelErrorBands.Resolve(home));
            Assert.Contains(ModelErrorBands.UserPath(home), error.Message);
            Assert.Contains("delete", error.Message);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
