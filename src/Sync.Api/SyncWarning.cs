namespace Sync.Api;

/// <summary>Something the caller should know about a successful <see cref="Response"/>, such as a code-hash change.</summary>
/// <param name="Code">A stable machine-readable code, for example <c>code-hash-changed</c>.</param>
/// <param name="Message">What it means for the result, for people.</param>
public sealed record SyncWarning(string Code, string Message);
