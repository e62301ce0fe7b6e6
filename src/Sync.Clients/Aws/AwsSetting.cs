namespace Sync.Clients.Aws;

/// <summary>A setting an <see cref="AwsConfigurationException"/> reports as missing.</summary>
public enum AwsSetting
{
    /// <summary>The access key pair (and session token).</summary>
    Credentials,

    /// <summary>The AWS region.</summary>
    Region,
}
