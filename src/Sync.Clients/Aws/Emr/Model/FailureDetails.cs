namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Why a step failed.</summary>
[EmrShape("FailureDetails")]
public sealed class FailureDetails
{
    /// <summary>The reason.</summary>
    public string? Reason { get; set; }

    /// <summary>The message.</summary>
    public string? Message { get; set; }

    /// <summary>The log file with the cause.</summary>
    public string? LogFile { get; set; }
}
