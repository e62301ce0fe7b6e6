namespace Sync.AwsDatabricks.Access;

/// <summary>What <see cref="DatabricksClient.CheckAccessAsync"/> found: where the workspace and token came from, and each check.</summary>
/// <param name="Host">The workspace URL.</param>
/// <param name="CredentialSource">Where host and token came from (options, <c>DATABRICKS_HOST</c>/<c>DATABRICKS_TOKEN</c>, or a profile and its file); never the token.</param>
/// <param name="Checks">The checks, in order: token, jobs, log location.</param>
public sealed record WorkspaceAccess(Uri Host, string CredentialSource, IReadOnlyList<WorkspaceAccessCheck> Checks)
{
    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Checks.All(c => c.Passed);
}

/// <summary>One check of <see cref="WorkspaceAccess"/>.</summary>
/// <param name="Name"><c>token</c>, <c>jobs</c> or <c>log-location</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">What was found; never a secret.</param>
/// <param name="Fix">What to do when it did not pass.</param>
public sealed record WorkspaceAccessCheck(string Name, bool Passed, string Message, string? Fix = null);
