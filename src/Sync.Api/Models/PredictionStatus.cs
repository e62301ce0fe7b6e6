namespace Sync.Api.Models;

/// <summary>Where a <see cref="Prediction"/> is in its life.</summary>
public enum PredictionStatus
{
    /// <summary>Created without an event log; waiting for it to be uploaded.</summary>
    AwaitingUpload,

    /// <summary>Queued to run.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Finished with solutions.</summary>
    Success,

    /// <summary>Failed; <see cref="Prediction.Error"/> says why and <see cref="Prediction.Retryable"/> whether to retry.</summary>
    Failure,
}
