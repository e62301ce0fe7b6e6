using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Sync.Clients.Aws.Sts;

/// <summary>STS <c>GetCallerIdentity</c> over AWSSDK.SecurityToken: the cheapest call that proves credentials are valid (it needs no permission).</summary>
public static class StsIdentity
{
    /// <summary>Asks STS who <paramref name="credentials"/> belong to.</summary>
    /// <param name="credentials">The credentials.</param>
    /// <param name="region">The region whose STS endpoint to use.</param>
    /// <param name="serviceUrl">An endpoint instead of AWS's (an emulator), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="AwsServiceException">STS refused the credentials (e.g. <c>InvalidClientTokenId</c>, <c>ExpiredToken</c>).</exception>
    /// <exception cref="AwsNetworkException">STS could not be reached.</exception>
    public static async Task<AwsCallerIdentity> GetCallerIdentityAsync(AWSCredentials credentials, string region, Uri? serviceUrl = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = 2 };
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        using var sts = new AmazonSecurityTokenServiceClient(credentials, config);
        try
        {
            var answer = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new AwsCallerIdentity(answer.Account ?? "", answer.Arn ?? "", answer.UserId ?? "");
        }
        catch (AmazonServiceException e)
        {
            throw new AwsServiceException("STS", "GetCallerIdentity", e.StatusCode, string.IsNullOrEmpty(e.ErrorCode) ? $"Http{(int)e.StatusCode}" : e.ErrorCode, e.Message, e.RequestId, 1);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or AmazonClientException)
        {
            throw new AwsNetworkException($"STS GetCallerIdentity failed: {e.Message}", false, 1, e);
        }
    }
}
