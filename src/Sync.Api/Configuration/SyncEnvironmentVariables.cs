namespace Sync.Api.Configuration;

/// <summary>The environment variables that override the files of the user's Sync directory (docs/configuration.md).</summary>
public static class SyncEnvironmentVariables
{
    /// <summary>The user's Sync directory (default <c>~/.sync</c>).</summary>
    public const string Home = Sync.Engine.SyncDirectory.Variable;

    /// <summary>Overrides <see cref="SyncConfiguration.ApiUrl"/>; the value <c>embedded</c> selects the embedded backend.</summary>
    public const string ApiUrl = "SYNC_API_URL";

    /// <summary>Overrides <see cref="SyncConfiguration.ApiKeyId"/>.</summary>
    public const string ApiKeyId = "SYNC_API_KEY_ID";

    /// <summary>Overrides <see cref="SyncConfiguration.ApiKeySecret"/>.</summary>
    public const string ApiKeySecret = "SYNC_API_KEY_SECRET";

    /// <summary>Overrides <see cref="SyncConfiguration.DefaultProjectId"/>.</summary>
    public const string ProjectId = "SYNC_PROJECT_ID";

    /// <summary>Overrides <see cref="SyncConfiguration.DefaultPreference"/>.</summary>
    public const string Preference = "SYNC_PREFERENCE";

    /// <summary>The AWS SDK's region variable; overrides <see cref="SyncConfiguration.AwsRegion"/>.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>The AWS SDK's profile variable; overrides <see cref="SyncConfiguration.AwsProfile"/>.</summary>
    public const string AwsProfile = "AWS_PROFILE";

    /// <summary>The Databricks CLI's host variable; overrides <see cref="SyncConfiguration.DatabricksHost"/>.</summary>
    public const string DatabricksHost = "DATABRICKS_HOST";

    /// <summary>The Databricks CLI's profile variable; overrides <see cref="SyncConfiguration.DatabricksProfile"/>.</summary>
    public const string DatabricksProfile = "DATABRICKS_CONFIG_PROFILE";
}
