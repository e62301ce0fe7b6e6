namespace Sync.Clients.Databricks;

/// <summary>No usable host or token could be found, or the configuration file is unreadable. Never carries the token.</summary>
internal sealed class DatabricksConfigurationException(string message) : Exception(message);
