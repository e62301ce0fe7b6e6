using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>
/// The Databricks part of the access report. Until the Databricks integration brings its checks, it reports the
/// settings only and says that workspace access was not verified.
/// </summary>
internal sealed class DatabricksAccessCheck : IAccessCheck
{
    public string Name => "databricks";

    public Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Configuration;
        AccessCheckResult result = configuration?.DatabricksHost is null && configuration?.DatabricksProfile is null
            ? AccessCheckResult.Ok(Name, "No Databricks host or profile configured; ~/.databrickscfg's DEFAULT profile applies when a Databricks command needs it.")
            : AccessCheckResult.Warn(
                Name,
                $"Databricks host {configuration.DatabricksHost ?? "(from profile)"}, profile {configuration.DatabricksProfile ?? "DEFAULT"}: workspace access not verified.",
                "Workspace permission checks come with the Databricks integration.");
        return Task.FromResult<IReadOnlyList<AccessCheckResult>>([result]);
    }
}
