namespace Sync.Clients.Databricks;

/// <summary>How a <see cref="DatabricksRestClient"/> connects: credentials, retries, timeouts and an optional diagnostics sink.</summary>
internal sealed record DatabricksRestClientOptions
{
    public DatabricksRetryPolicy Retry { get; init; } = new();

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives one line per retry and failure (method, path, status, delay); never the token.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>A handler to send requests through (tests, proxies); the client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
