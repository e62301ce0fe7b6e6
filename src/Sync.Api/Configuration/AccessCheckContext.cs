namespace Sync.Api.Configuration;

/// <summary>What an <see cref="IAccessCheck"/> gets: the effective configuration and where it came from.</summary>
/// <param name="Configuration">The effective configuration (files, environment and flags applied), or <see langword="null"/> when it could not be loaded.</param>
/// <param name="Store">The store of the user's Sync directory.</param>
public sealed record AccessCheckContext(SyncConfiguration? Configuration, SyncConfigurationStore Store);
