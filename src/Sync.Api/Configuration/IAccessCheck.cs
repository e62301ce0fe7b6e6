namespace Sync.Api.Configuration;

/// <summary>
/// One part of the access report (<c>sync-cli doctor</c>): checks one thing the user's setup needs (configuration,
/// credentials, the API, AWS or Databricks permissions) and says how to fix what is wrong. Integrations add their own
/// checks by implementing this interface; a check never throws for an expected failure, it returns
/// <see cref="AccessCheckStatus.Fail"/> lines instead, and never puts secrets in its lines.
/// </summary>
public interface IAccessCheck
{
    /// <summary>A short name of the area checked, such as <c>api</c> or <c>aws-emr</c>.</summary>
    string Name { get; }

    /// <summary>Runs the check.</summary>
    /// <param name="context">The configuration to check.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>One or more lines of the report.</returns>
    Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken);
}
