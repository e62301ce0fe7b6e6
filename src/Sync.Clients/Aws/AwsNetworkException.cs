namespace Sync.Clients.Aws;

/// <summary>
/// An AWS endpoint could not be reached, or the connection failed or timed out on every attempt. The message names the
/// endpoint and the last failure; it never contains credentials.
/// </summary>
public sealed class AwsNetworkException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="timedOut">Whether the last attempt ran out of time rather than failing to connect.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last transport exception.</param>
    public AwsNetworkException(string message, bool timedOut, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        TimedOut = timedOut;
        Attempts = attempts;
    }

    /// <summary>Whether the last attempt timed out.</summary>
    public bool TimedOut { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
