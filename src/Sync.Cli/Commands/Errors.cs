namespace Sync.Cli.Commands;

/// <summary>Prints an error, and what to do about it, to standard error, so that standard output stays clean for scripts.</summary>
internal static class Errors
{
    public static int Report(string message, string? hint)
    {
        Console.Error.WriteLine($"error: {message}");
        if (hint is not null)
        {
            Console.Error.WriteLine($"hint: {hint}");
        }

        return ExitCodes.BadInput;
    }
}
