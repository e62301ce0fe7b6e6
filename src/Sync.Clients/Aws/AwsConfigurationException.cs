namespace Sync.Clients.Aws;

/// <summary>
/// AWS credentials or the region could not be found (no profile, no environment variables, no instance role), so no
/// request was sent. The message says what is missing and where it was looked for; it never contains a secret.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What is missing: <see cref="AwsSetting.Credentials"/> or <see cref="AwsSetting.Region"/>.</param>
    /// <param name="message">What is missing and where it was looked for.</param>
    /// <param name="innerException">The SDK's own exception, if any.</param>
    public AwsConfigurationException(AwsSetting what, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Missing = what;
    }

    /// <summary>What is missing.</summary>
    public AwsSetting Missing { get; }
}
