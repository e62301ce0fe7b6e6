using System.Text;

namespace Sync.Api.Configuration;

/// <summary>
/// Where and how the Sync client works at an installation site: the API to call (or the embedded backend), the API
/// key, defaults for projects and preferences, and the AWS and Databricks profiles the integrations use.
/// </summary>
/// <remarks>
/// Loaded by <see cref="SyncConfigurationStore.LoadAsync(SyncConfiguration?, CancellationToken)"/> from the user's Sync directory and the
/// environment, with the precedence flags &gt; environment variables &gt; files &gt; defaults (docs/configuration.md).
/// <see cref="ToString"/> never shows <see cref="ApiKeySecret"/>.
/// </remarks>
public sealed record SyncConfiguration
{
    /// <summary>The base URL of a Sync server (for example <c>http://127.0.0.1:8080</c>), or <see langword="null"/> for the embedded backend.</summary>
    public Uri? ApiUrl { get; init; }

    /// <summary>The id of the API key used to get a bearer token from <see cref="ApiUrl"/>.</summary>
    public string? ApiKeyId { get; init; }

    /// <summary>The secret of the API key; kept in the owner-only credentials file, never printed or logged.</summary>
    public string? ApiKeySecret { get; init; }

    /// <summary>The project that commands use when none is given.</summary>
    public string? DefaultProjectId { get; init; }

    /// <summary>The solution preferred when none is given: one of <see cref="Preferences"/>.</summary>
    public string? DefaultPreference { get; init; }

    /// <summary>The AWS region for EMR and S3 (otherwise the AWS SDK's own chain decides).</summary>
    public string? AwsRegion { get; init; }

    /// <summary>The named AWS profile of the shared AWS config and credentials files.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>The Databricks workspace URL.</summary>
    public string? DatabricksHost { get; init; }

    /// <summary>The profile of <c>~/.databrickscfg</c> to use.</summary>
    public string? DatabricksProfile { get; init; }

    /// <summary>Whether calls run in-process on the embedded backend (no <see cref="ApiUrl"/>).</summary>
    public bool IsEmbedded => ApiUrl is null;

    /// <summary>The values <see cref="DefaultPreference"/> may take.</summary>
    public static IReadOnlyList<string> Preferences { get; } = ["performance", "balanced", "economy"];

    /// <summary>
    /// This configuration with every value that <paramref name="higher"/> sets taken from it (a higher-precedence
    /// layer over a lower one). <see cref="ApiUrl"/> can only be set this way, not cleared.
    /// </summary>
    /// <param name="higher">The layer that wins where it has a value.</param>
    /// <returns>The merged configuration.</returns>
    public SyncConfiguration OverlaidWith(SyncConfiguration? higher) => higher is null ? this : new SyncConfiguration
    {
        ApiUrl = higher.ApiUrl ?? ApiUrl,
        ApiKeyId = higher.ApiKeyId ?? ApiKeyId,
        ApiKeySecret = higher.ApiKeySecret ?? ApiKeySecret,
        DefaultProjectId = higher.DefaultProjectId ?? DefaultProjectId,
        DefaultPreference = higher.DefaultPreference ?? DefaultPreference,
        AwsRegion = higher.AwsRegion ?? AwsRegion,
        AwsProfile = higher.AwsProfile ?? AwsProfile,
        DatabricksHost = higher.DatabricksHost ?? DatabricksHost,
        DatabricksProfile = higher.DatabricksProfile ?? DatabricksProfile,
    };

    /// <summary>Lists the values, with <see cref="ApiKeySecret"/> shown only as set or not set.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("SyncConfiguration { ");
        text.Append("ApiUrl = ").Append(ApiUrl?.ToString() ?? "(embedded)");
        text.Append(", ApiKeyId = ").Append(ApiKeyId);
        text.Append(", ApiKeySecret = ").Append(ApiKeySecret is null ? "(not set)" : "(set)");
        text.Append(", DefaultProjectId = ").Append(DefaultProjectId);
        text.Append(", DefaultPreference = ").Append(DefaultPreference);
        text.Append(", AwsRegion = ").Append(AwsRegion);
        text.Append(", AwsProfile = ").Append(AwsProfile);
        text.Append(", DatabricksHost = ").Append(DatabricksHost);
        text.Append(", DatabricksProfile = ").Append(DatabricksProfile);
        return text.Append(" }").ToString();
    }
}
