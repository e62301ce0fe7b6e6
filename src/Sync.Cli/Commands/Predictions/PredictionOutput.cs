using Spectre.Console;
using Sync.Api.Models;
using Sync.Cli.Rendering;
using Sync.Engine.Catalog;

namespace Sync.Cli.Commands;

/// <summary>What the prediction commands print for one prediction, and their exit code.</summary>
internal static class PredictionOutput
{
    /// <summary>How long create and wait wait by default.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(30);

    /// <summary>Writes each status change of a prediction to standard error, so standard output stays clean.</summary>
    public static IProgress<PredictionStatus> Progress(string id) => new StatusLines(id);

    /// <summary>
    /// Prints the prediction: in full once it succeeded; its id and status while it runs (<paramref name="brief"/>);
    /// its error when it failed (exit code 2 for bad input, 1 otherwise).
    /// </summary>
    public static int Write(IAnsiConsole console, OutputFormat output, Prediction prediction, bool brief, ResolvedCatalog? catalog = null)
    {
        if (output == OutputFormat.Json)
        {
            PredictionRenderer.WriteJson(console, prediction, catalog);
        }
        else if (prediction.Status == PredictionStatus.Success && !brief)
        {
            PredictionRenderer.WriteText(console, prediction);
            if (catalog is not null)
            {
                console.MarkupLine($"Priced with the {Markup.Escape(catalog.Description)}.");
            }
        }
        else if (prediction.Status != PredictionStatus.Failure)
        {
            console.MarkupLine($"Prediction [bold]{Markup.Escape(prediction.Id)}[/] is {PredictionRenderer.Status(prediction.Status)}.");
        }

        if (prediction.Status == PredictionStatus.Failure && prediction.Error is { } error)
        {
            Errors.Report($"Prediction {prediction.Id} failed: {error.Message}", error.Hint ?? (prediction.Retryable ? "Retry it with sync-cli predictions retry." : null));
            return prediction.Retryable ? ExitCodes.Failed : ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    private sealed class StatusLines(string id) : IProgress<PredictionStatus>
    {
        public void Report(PredictionStatus value) => Console.Error.WriteLine($"prediction {id}: {PredictionRenderer.Status(value)}");
    }
}
