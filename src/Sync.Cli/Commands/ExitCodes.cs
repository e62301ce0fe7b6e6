namespace Sync.Cli.Commands;

/// <summary>Process exit codes of <c>sync-cli</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>The command could not do its job for a reason other than its input (network, service, authentication, timeout), or a <c>doctor</c> check failed.</summary>
    public const int Failed = 1;

    /// <summary>The input was wrong (missing file, not an event log, bad argument); the message says what to do.</summary>
    public const int BadInput = 2;
}
