using System.Text;
using Sync.Clients.Aws.Signing;

namespace Sync.Clients.Tests.Aws.Signing;

/// <summary>
/// The signer against AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1,
/// service "service"): the expected signatures and intermediate strings are the suite's.
/// </summary>
public sealed class SigV4SignerTests
{
    private const string Host = "example.amazonaws.com";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly SigV4Scope Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service",
        new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("get-vanilla", "GET", "/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla", "POST", "/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("post-vanilla-query", "POST", "/?Param1=value1", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
    public void Vanilla_requests_match_the_suite(string name, string method, string pathAndQuery, string signature)
    {
        var result = Sign(method, pathAndQuery, [], "");

        Assert.True(signature == result.Signature, $"{name}: {result.Signature}");
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}",
            result.Authorization);
    }

    [Fact]
    public void Get_vanilla_intermediate_strings_match_the_suite()
    {
        var result = Sign("GET", "/", [], "");

        Assert.Equal($"GET\n/\n\nhost:{Host}\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", result.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            result.StringToSign);
    }

    [Fact]
    public void Post_x_www_form_urlencoded_signs_the_body_and_the_content_type()
    {
        var result = Sign("POST", "/", [new("Content-Type", "application/x-www-form-urlencoded")], "Param1=value1");

        Assert.Equal(
            $"POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:{Host}\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            result.CanonicalRequest);
        Assert.EndsWith("\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", result.StringToSign);
        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", result.Signature);
    }

    [Theory]
    [InlineData("post-header-key-sort", "value1", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c")]
    [InlineData("post-header-value-case", "VALUE1", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d")]
    public void Extra_headers_are_lower_cased_sorted_and_signed(string name, string value, string signature)
    {
        var result = Sign("POST", "/", [new("My-Header1", value)], "");

        Assert.True(signature == result.Signature, $"{name}: {result.Signature}");
        Assert.Contains("SignedHeaders=host;my-header1;x-amz-date,", result.Authorization);
    }

    [Fact]
    public void Header_values_are_trimmed_and_inner_spaces_collapsed()
    {
        var result = Sign("GET", "/", [new("My-Header1", " value1"), new("My-Header2", " \"a   b   c\"")], "");

        Assert.Equal(
            $"GET\n/\n\nhost:{Host}\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n{EmptyHash}",
            result.CanonicalRequest);
    }

    [Fact]
    public void The_secret_key_appears_nowhere_in_the_result()
    {
        var result = Sign("POST", "/", [], "{}");

        foreach (var text in new[] { result.CanonicalRequest, result.StringToSign, result.Authorization, Suite.ToString() })
        {
            Assert.DoesNotContain(Suite.SecretKey, text);
        }
    }

    private static SigV4Result Sign(string method, string pathAndQuery, KeyValuePair<string, string>[] extra, string body)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", "20150830T123600Z") };
        headers.AddRange(extra);
        return SigV4Signer.Sign(method, new Uri($"https://{Host}{pathAndQuery}"), headers, Encoding.UTF8.GetBytes(body), Suite);
    }
}
