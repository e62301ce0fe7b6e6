namespace Sync.Api.Configuration;

/// <summary>One line of the access report: what was checked, how it went, and how to fix it.</summary>
/// <param name="Status">How the check went.</param>
/// <param name="Name">A short name of what was checked, such as <c>credentials</c> or <c>aws-emr</c>.</param>
/// <param name="Message">What was found. Never contains secrets.</param>
/// <param name="Fix">What to do when <paramref name="Status"/> is not <see cref="AccessCheckStatus.Ok"/>, or <see langword="null"/>.</param>
public sealed record AccessCheckResult(AccessCheckStatus Status, string Name, string Message, string? Fix = null)
{
    /// <summary>A passed check.</summary>
    /// <param name="name">What was checked.</param>
    /// <param name="message">What was found.</param>
    /// <returns>The result.</returns>
    public static AccessCheckResult Ok(string name, string message) => new(AccessCheckStatus.Ok, name, message);

    /// <summary>A warning.</summary>
    /// <param name="name">What was checked.</param>
    /// <param name="message">What was found.</param>
    /// <param name="fix">What to change.</param>
    /// <returns>The result.</returns>
    public static AccessCheckResult Warn(string name, string message, string fix) => new(AccessCheckStatus.Warn, name, message, fix);

    /// <summary>A failed check.</summary>
    /// <param name="name">What was checked.</param>
    /// <param name="message">What was found.</param>
    /// <param name="fix">What to do.</param>
    /// <returns>The result.</returns>
    public static AccessCheckResult Fail(string name, string message, string fix) => new(AccessCheckStatus.Fail, name, message, fix);
}
