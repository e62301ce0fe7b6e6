using System.Net;

namespace Sync.Clients.Aws;

/// <summary>
/// An AWS service answered with an error that retrying did not (or could not) fix. Carries the service's error code
/// (from <c>__type</c> or <c>x-amzn-ErrorType</c>), its message and the request id; never credentials.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service, e.g. <c>EMR</c>.</param>
    /// <param name="operation">The operation, e.g. <c>DescribeCluster</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The service's error code, e.g. <c>InvalidRequestException</c>.</param>
    /// <param name="serviceMessage">The service's message.</param>
    /// <param name="requestId">The request id the service gave, if any.</param>
    /// <param name="attempts">How many attempts were made.</param>
    public AwsServiceException(string service, string operation, HttpStatusCode statusCode, string errorCode, string serviceMessage, string? requestId, int attempts)
        : base($"{service} {operation} failed with {errorCode} (HTTP {(int)statusCode}) after {attempts} attempt{(attempts == 1 ? "" : "s")}: {serviceMessage}"
               + (requestId is null ? "" : $" (request id {requestId})"))
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The service, e.g. <c>EMR</c>.</summary>
    public string Service { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the last answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's error code without its namespace, e.g. <c>ThrottlingException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's message.</summary>
    public string ServiceMessage { get; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>), for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>Whether the error is throttling (the service asked to slow down).</summary>
    public bool IsThrottling => AwsRetryPolicy.IsThrottlingCode(ErrorCode) || StatusCode == HttpStatusCode.TooManyRequests;
}
