using System.Net;
using Sync.Clients.Aws;

namespace Sync.Clients.Tests.Aws;

/// <summary>Which failures <see cref="AwsRetryPolicy"/> retries and how long it waits.</summary>
public sealed class AwsRetryPolicyTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException", true)]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", true)]
    [InlineData(HttpStatusCode.BadRequest, "RequestLimitExceeded", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "Http429", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalServerError", true)]
    [InlineData(HttpStatusCode.BadGateway, "Http502", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", true)]
    [InlineData(HttpStatusCode.GatewayTimeout, "Http504", true)]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeoutException", true)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidRequestException", false)]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException", false)]
    [InlineData(HttpStatusCode.BadRequest, "AccessDeniedException", false)]
    [InlineData(HttpStatusCode.Forbidden, "UnrecognizedClientException", false)]
    [InlineData(HttpStatusCode.NotImplemented, "Http501", false)]
    public void Only_throttling_and_transient_errors_are_retried(HttpStatusCode status, string code, bool retried)
    {
        Assert.Equal(retried, AwsRetryPolicy.IsRetryable(status, code));
    }

    [Fact]
    public void Waits_are_jittered_below_a_capped_exponential()
    {
        var policy = new AwsRetryPolicy(new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) });

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var ceiling = Math.Min(500, 100 * Math.Pow(2, attempt - 1));
            var waits = Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(attempt).TotalMilliseconds).ToList();
            Assert.All(waits, w => Assert.InRange(w, 0, ceiling));
            Assert.True(waits.Distinct().Count() > 100, "waits are spread, not fixed");
            Assert.True(waits.Max() > ceiling * 0.8, $"attempt {attempt}: waits use the whole range up to {ceiling} ms");
        }
    }

    [Fact]
    public void At_least_one_attempt_is_required()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwsRetryPolicy(new AwsRetryOptions { MaxAttempts = 0 }));
    }
}
