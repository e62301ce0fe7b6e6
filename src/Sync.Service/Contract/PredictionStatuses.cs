namespace Sync.Service.Contract;

/// <summary>The values of a prediction's <c>status</c> on the wire.</summary>
public static class PredictionStatuses
{
    /// <summary>Created without an event log; waiting for it to be uploaded.</summary>
    public const string AwaitingUpload = "AWAITING_UPLOAD";

    /// <summary>Queued to run.</summary>
    public const string Pending = "PENDING";

    /// <summary>Running.</summary>
    public const string Running = "RUNNING";

    /// <summary>Finished with solutions.</summary>
    public const string Success = "SUCCESS";

    /// <summary>Failed; the prediction's <c>error</c> says why and <c>retryable</c> whether a retry can help.</summary>
    public const string Failure = "FAILURE";
}
