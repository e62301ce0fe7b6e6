namespace Sync.Api;

/// <summary>
/// How a <see cref="SyncClient"/> reaches Sync: embedded (the default: the service runs in-process on a SQLite file in
/// <see cref="DataDirectory"/>) or remote (<see cref="ApiUrl"/> with an API key). The configuration loader in
/// <c>Sync.Api.Configuration</c> fills one from the user's files and environment.
/// </summary>
public sealed class SyncClientOptions
{
    /// <summary>The Sync server's base address (e.g. <c>https://sync.example.com</c>); <see langword="null"/> for embedded.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The API key id (remote only).</summary>
    public string? ApiKeyId { get; set; }

    /// <summary>The API key secret (remote only). Never shown by <see cref="ToString"/>, in errors or in logs.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>The embedded backend's directory (holds <c>sync.db</c> and uploads); <see cref="SyncHome.Resolve"/> when <see langword="null"/>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>An instance catalog file for the embedded backend to price configurations with; the built-in catalog when <see langword="null"/>.</summary>
    public string? InstanceCatalogPath { get; set; }

    /// <summary>A default project for callers that use one (the CLI); not used by the clients themselves.</summary>
    public string? DefaultProjectId { get; set; }

    /// <summary>How many predictions the embedded backend runs at once (default 2).</summary>
    public int MaxConcurrentPredictions { get; set; } = 2;

    /// <summary>How long one HTTP request may take (uploads excepted); default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often <see cref="PredictionsClient.WaitForPredictionAsync"/> polls; default 1 second remote, 100 ms embedded.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>The HTTP handler to send requests with (proxies, tests); a new <see cref="SocketsHttpHandler"/> when <see langword="null"/>.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Whether the options name a remote server (<see cref="ApiUrl"/> is set).</summary>
    public bool IsRemote => ApiUrl is not null;

    /// <summary>The tenant the embedded backend acts as; tests use several.</summary>
    internal string EmbeddedTenantId { get; set; } = "local";

    /// <summary>Options for the embedded backend.</summary>
    /// <param name="dataDirectory">Where <c>sync.db</c> lives; the user's Sync directory when <see langword="null"/>.</param>
    /// <returns>The options.</returns>
    public static SyncClientOptions Embedded(string? dataDirectory = null) => new() { DataDirectory = dataDirectory };

    /// <summary>Options for a remote Sync server.</summary>
    /// <param name="apiUrl">The server's base address.</param>
    /// <param name="apiKeyId">The API key id.</param>
    /// <param name="apiKeySecret">The API key secret.</param>
    /// <returns>The options.</returns>
    public static SyncClientOptions Remote(Uri apiUrl, string apiKeyId, string apiKeySecret) =>
        new() { ApiUrl = apiUrl, ApiKeyId = apiKeyId, ApiKeySecret = apiKeySecret };

    /// <inheritdoc/>
    public override string ToString() => IsRemote
        ? $"remote {ApiUrl} (key {ApiKeyId ?? "none"}, secret {(string.IsNullOrEmpty(ApiKeySecret) ? "not set" : "set")})"
        : $"embedded {DataDirectory ?? SyncHome.Resolve()}";
}
