using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Sync.Server.Auth;
using Sync.Server.Endpoints;
using Sync.Server.Hosting;
using Sync.Server.Wire;

namespace Sync.Server;

/// <summary>
/// Builds the Sync server: Kestrel, the <c>/v1</c> endpoints, bearer authentication, the error envelope, health and
/// readiness, the OpenAPI document and JSON logs. Used by the server's own <c>Program</c> and by <c>sync-cli serve</c>.
/// </summary>
public static class SyncServerHost
{
    /// <summary>Builds the server from command-line arguments (<c>--urls</c>, <c>--database</c>, <c>--data-dir</c>, …; docs/server.md).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SyncServerHost).Assembly.GetName().Name });
        builder.Configuration.AddCommandLine(args, CommandLineSwitches.Mappings);
        ConfigureLogging(builder.Logging);

        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(options);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new BearerTokens(
            SigningKey.Load(options.TokenSigningSecret, options.DataDirectory!),
            TimeSpan.FromSeconds(options.TokenLifetimeSeconds),
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new UploadTokens(
            SigningKey.Load(options.TokenSigningSecret, options.DataDirectory!),
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSyncOpenApi();
        builder.Services.AddSingleton<ReadinessCheck>();
        builder.Services.AddSingleton<SyncServiceLifetime>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SyncServiceLifetime>());

        var app = builder.Build();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
        app.UseMiddleware<BearerAuthenticationMiddleware>();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapProjectEndpoints();
        app.MapPredictionEndpoints();
        app.MapReportEndpoints();
        app.MapUploadEndpoint();
        return app;
    }

    /// <summary>
    /// Runs the server as its command line says: <c>create-key [--tenant NAME] [options]</c> creates an API key, prints
    /// its id and secret once as JSON and exits; otherwise the server runs until stopped, after creating a key for the
    /// tenant <c>default</c> first when <c>--create-key</c> is given.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the new key is printed (standard output).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is ["create-key", .. var rest])
        {
            var (tenant, options) = TakeOption(rest, "--tenant");
            await ApiKeyBootstrap.CreateAndPrintAsync(ReadOptions(args: options), tenant ?? ApiKeyBootstrap.DefaultTenant, output);
            return 0;
        }

        var serveArgs = args.Where(a => a != "--create-key").ToArray();
        if (serveArgs.Length != args.Length)
        {
            await ApiKeyBootstrap.CreateAndPrintAsync(ReadOptions(args: serveArgs), ApiKeyBootstrap.DefaultTenant, output);
        }

        await Build(serveArgs).RunAsync();
        return 0;
    }

    private static SyncServerOptions ReadOptions(string[] args) => ReadOptions(new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .AddCommandLine(args, CommandLineSwitches.Mappings)
        .Build());

    private static SyncServerOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(SyncServerOptions.Section).Get<SyncServerOptions>() ?? new SyncServerOptions();
        options.DataDirectory = ServerPaths.ResolveDataDirectory(options.DataDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        return options;
    }

    private static (string? Value, string[] Others) TakeOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 || index + 1 >= args.Length ? (null, args) : (args[index + 1], [.. args[..index], .. args[(index + 2)..]]);
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.IncludeScopes = false;
        });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }
}
