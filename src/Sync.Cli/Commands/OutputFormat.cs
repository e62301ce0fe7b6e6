namespace Sync.Cli.Commands;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Tables for people.</summary>
    Text,
    /// <summary>Stable JSON for scripts.</summary>
    Json,
}
