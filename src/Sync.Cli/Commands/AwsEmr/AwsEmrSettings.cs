using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary>The AWS options every <c>sync-cli aws-emr</c> command shares, besides <c>--output</c>.</summary>
public abstract class AwsEmrSettings : OutputSettings
{
    /// <summary>The AWS region.</summary>
    [CommandOption("--region <REGION>")]
    [Description("The AWS region (default: the configured one, AWS_REGION, or the profile's).")]
    public string? Region { get; init; }

    /// <summary>The AWS profile.</summary>
    [CommandOption("--profile <PROFILE>")]
    [Description("A profile of the shared AWS config/credentials files (default: the configured one, AWS_PROFILE, or the SDK's default chain).")]
    public string? Profile { get; init; }

    /// <summary>An endpoint for EMR and S3 instead of AWS's.</summary>
    [CommandOption("--endpoint-url <URL>")]
    [Description("Send EMR and S3 requests to this endpoint instead of AWS's (an emulator such as moto); default AWS_ENDPOINT_URL.")]
    public string? EndpointUrl { get; init; }

    /// <summary>The endpoint as a URI, or <see langword="null"/>.</summary>
    public Uri? Endpoint => Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) ? uri : null;

    /// <inheritdoc/>
    public override Spectre.Console.ValidationResult Validate() =>
        EndpointUrl is not null && Endpoint is not { Scheme: "http" or "https" }
            ? Spectre.Console.ValidationResult.Error($"--endpoint-url '{EndpointUrl}' is not an http or https URL")
            : Spectre.Console.ValidationResult.Success();
}
