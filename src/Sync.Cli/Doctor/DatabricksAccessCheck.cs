using Sync.Api.Configuration;
using Sync.AwsDatabricks;
using Sync.Cli.Commands;

namespace Sync.Cli.Doctor;

/// <summary>
/// The Databricks part of the access report: where host and token come from (never the token), whether the token is
/// valid, whether the Jobs API answers, and whether the default project's log location can be read. Nothing is
/// checked when no Databricks workspace is configured anywhere.
/// </summary>
internal sealed class DatabricksAccessCheck : IAccessCheck
{
    public string Name => "databricks";

    public async Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Configuration;
        var configFile = Environment.GetEnvironmentVariable("DATABRICKS_CONFIG_FILE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".databrickscfg");
        if (configuration?.DatabricksHost is null && configuration?.DatabricksProfile is null
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DATABRICKS_HOST")) && !File.Exists(configFile))
        {
            return [AccessCheckResult.Ok(Name, "No Databricks workspace configured (DATABRICKS_HOST, ~/.databrickscfg or sync-cli configure); not checked.")];
        }

        using var client = new DatabricksClient(new DatabricksClientOptions
        {
            Host = Environment.GetEnvironmentVariable("DATABRICKS_HOST") is { Length: > 0 } ? null : configuration?.DatabricksHost,
            Profile = Environment.GetEnvironmentVariable("DATABRICKS_HOST") is { Length: > 0 } ? null : configuration?.DatabricksProfile,
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(15),
        });
        var (location, locationNote) = await DefaultProjectLocationAsync(configuration, cancellationToken);
        var access = await client.CheckAccessAsync(location, cancellationToken);
        if (!access.IsSuccess)
        {
            return [AccessCheckResult.Fail(Name, access.Error!.Message, access.Error.Hint ?? "Set DATABRICKS_HOST and DATABRICKS_TOKEN, or a profile of ~/.databrickscfg.")];
        }

        var results = new List<AccessCheckResult>
        {
            AccessCheckResult.Ok(Name, $"Workspace {access.Value.Host.ToString().TrimEnd('/')}, token from {access.Value.CredentialSource}."),
        };
        foreach (var check in access.Value.Checks)
        {
            var name = "dbx-" + check.Name;
            results.Add(check.Passed ? AccessCheckResult.Ok(name, check.Message) : AccessCheckResult.Fail(name, check.Message, check.Fix ?? "See docs/databricks.md."));
        }

        if (locationNote is not null)
        {
            results.Add(AccessCheckResult.Warn("dbx-log-location", locationNote, "Set a default project with a dbfs:/ or s3:// location: sync-cli configure --project-id ID; sync-cli projects update ID --artifacts dbfs:/sync."));
        }

        return results;
    }

    private static async Task<(string? Location, string? Note)> DefaultProjectLocationAsync(SyncConfiguration? configuration, CancellationToken cancellationToken)
    {
        if (configuration?.DefaultProjectId is not { } projectId)
        {
            return (null, "No default project, so no log location was checked.");
        }

        if (configuration.ApiUrl is not null && (configuration.ApiKeyId is null || configuration.ApiKeySecret is null))
        {
            return (null, $"The default project {projectId} was not read: the API key is missing (see the api line).");
        }

        await using var sync = CliClient.Create();
        var project = await sync.Projects.GetAsync(projectId, cancellationToken);
        if (!project.IsSuccess)
        {
            return (null, $"The default project {projectId} could not be read: {project.Error!.Message}");
        }

        return project.Value.ArtifactLocation is { } location
            ? (location, null)
            : (null, $"The default project {projectId} has no artifact location, so its runs have nowhere to deliver logs.");
    }
}
