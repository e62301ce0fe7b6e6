namespace Sync.Clients.Databricks;

/// <summary>
/// A workspace URL and personal access token, with where they came from. <see cref="ToString"/> never shows the token.
/// </summary>
/// <param name="Host">The workspace URL, e.g. <c>https://dbc-1234.cloud.databricks.com</c>.</param>
/// <param name="Token">The personal access token.</param>
/// <param name="Source">Where the values came from, for messages (never the token itself).</param>
internal sealed record DatabricksCredentials(Uri Host, string Token, string Source)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Host} (token from {Source})";
}
