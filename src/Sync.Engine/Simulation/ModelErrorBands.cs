using System.Text.Json.Serialization;

namespace Sync.Engine.Simulation;

/// <summary>
/// The model's own error across configurations, measured on ground truth, as bands of ln(measured / predicted wall
/// time) by how many doublings of task slots a prediction spans: <see cref="ScheduleSimulator.PredictInterval"/> widens
/// its interval to the band, since a prediction's spread from schedule variability alone says nothing of how the
/// model extrapolates. Farther predictions have wider bands (each holds the nearer ones); fewer slots err low (the run
/// was faster than predicted: warm-up the log could not separate) and more slots high (contention the model does not
/// see). The built-in bands (<c>src/Sync.Engine/Simulation/model-error-bands.json</c>) are measured by
/// <c>scripts/model-error-bands.py</c>, whose command and ground truth they state; how often they hold on applications
/// they were not measured on is in <c>docs/accuracy.md</c>.
/// </summary>
/// <param name="Description">What the numbers are.</param>
/// <param name="Measured">The date they were measured.</param>
/// <param name="Command">The command that measured them.</param>
/// <param name="GroundTruth">The runs they were measured on.</param>
/// <param name="LowQuantile">The percentile of <see cref="ModelErrorBand.Low"/> (0.1).</param>
/// <param name="HighQuantile">The percentile of <see cref="ModelErrorBand.High"/> (0.9).</param>
/// <param name="SameSlots">Predictions on as many slots as observed: repetitions of one configuration predicting each other.</param>
/// <param name="FewerSlots">Predictions on fewer slots, nearest first, the last one unbounded.</param>
/// <param name="MoreSlots">Predictions on more slots, nearest first, the last one unbounded.</param>
public sealed record ModelErrorBands(
    string Description, string Measured, string Command, string GroundTruth, double LowQuantile, double HighQuantile,
    ModelErrorBand SameSlots, IReadOnlyList<ModelErrorBand> FewerSlots, IReadOnlyList<ModelErrorBand> MoreSlots)
{
    /// <summary>The bands shipped with the engine.</summary>
    public static ModelErrorBands BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The band of a prediction on <paramref name="targetSlots"/> task slots from a run on <paramref name="observedSlots"/>.</summary>
    /// <param name="observedSlots">The observed run's slots (at least 1).</param>
    /// <param name="targetSlots">The predicted configuration's slots (at least 1).</param>
    public ModelErrorBand For(int observedSlots, int targetSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observedSlots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSlots, 1);
        if (observedSlots == targetSlots)
        {
            return SameSlots;
        }

        var doublings = Math.Abs(Math.Log2((double)targetSlots / observedSlots));
        var bands = targetSlots < observedSlots ? FewerSlots : MoreSlots;
        return bands.FirstOrDefault(b => b.UpToDoublings is not { } limit || doublings <= limit + 1e-9) ?? bands[^1];
    }

    /// <summary>The file that replaces the built-in bands for a user: <c>model-error-bands.json</c> in the Sync directory.</summary>
    /// <param name="syncDirectory">The Sync directory (default: <see cref="SyncDirectory.Resolve()"/>).</param>
    /// <returns>The full path (the file may not exist).</returns>
    public static string UserPath(string? syncDirectory = null) =>
        Path.GetFullPath(Path.Combine(syncDirectory ?? SyncDirectory.Resolve(), "model-error-bands.json"));

    /// <summary>
    /// The bands predictions use: the user's file (<see cref="UserPath"/>, bands measured on their own ground truth by
    /// <c>scripts/model-error-bands.py</c>) when there is one, else <see cref="BuiltIn"/>.
    /// </summary>
    /// <param name="syncDirectory">The Sync directory (default: <see cref="SyncDirectory.Resolve()"/>).</param>
    /// <exception cref="InvalidDataException">The user's file is not a set of bands (the message says how to recover).</exception>
    public static ModelErrorBands Resolve(string? syncDirectory = null)
    {
        var path = UserPath(syncDirectory);
        if (!File.Exists(path))
        {
            return BuiltIn;
        }

        try
        {
            return Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message} Write it again with scripts/model-error-bands.py, or delete {path} to use the built-in bands.", e);
        }
    }

    /// <summary>Reads a bands file in the format of <c>model-error-bands.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not a set of bands (<see cref="Read"/>).</exception>
    public static ModelErrorBands Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, $"'{path}'");
    }

    /// <summary>Reads bands in the format of <c>model-error-bands.json</c>.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="source">Where it comes from, for errors.</param>
    /// <exception cref="InvalidDataException">The JSON is not a set of bands: each side needs bands nearest first, each with low ≤ high.</exception>
    public static ModelErrorBands Read(Stream stream, string source)
    {
        var bands = JsonInput.Read(stream, ModelErrorBandsJsonContext.Default.ModelErrorBands, source, "a model error bands file");
        if (bands?.SameSlots is null || bands.FewerSlots is not { Count: > 0 } || bands.MoreSlots is not { Count: > 0 })
        {
            throw new InvalidDataException($"{source} is not a model error bands file: it needs sameSlots, fewerSlots and moreSlots.");
        }

        foreach (var side in new[] { bands.FewerSlots, bands.MoreSlots })
        {
            for (var i = 0; i < side.Count; i++)
            {
                var band = side[i];
                var ordered = i == 0 || (side[i - 1].UpToDoublings is { } previous && (band.UpToDoublings ?? double.MaxValue) > previous);
                if (band.Low > band.High || !ordered)
                {
                    throw new InvalidDataException($"{source}: every band needs low ≤ high, and bands must go nearest first (band {i + 1} of a side does not).");
                }
            }
        }

        return bands;
    }

    private static ModelErrorBands LoadBuiltIn()
    {
        using var stream = typeof(ModelErrorBands).Assembly.GetManifestResourceStream("Sync.Engine.Simulation.model-error-bands.json")
                           ?? throw new InvalidOperationException("The built-in model error bands are missing from the engine assembly.");
        return Read(stream, "the built-in model error bands");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelErrorBands))]
internal sealed partial class ModelErrorBandsJsonContext : JsonSerializerContext;
