using System.Net;
using System.Text;
using Sync.Clients.Aws;

namespace Sync.Clients.Tests.Aws;

/// <summary>How <see cref="AwsErrorBody"/> reads the JSON protocol's error answers.</summary>
public sealed class AwsErrorBodyTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.elasticmapreduce#InvalidRequestException","Message":"Cluster id 'j-X' is not valid."}""", "InvalidRequestException", "Cluster id 'j-X' is not valid.")]
    [InlineData("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"ValidationException:http://internal.amazon.com/coral/validate/","message":"bad"}""", "ValidationException", "bad")]
    [InlineData("""{"code":"AccessDeniedException","Message":"no"}""", "AccessDeniedException", "no")]
    public void The_code_loses_its_namespace_and_suffix(string body, string code, string message)
    {
        using var response = Answer(HttpStatusCode.BadRequest, body);

        Assert.Equal((code, message), AwsErrorBody.Read(body, response));
    }

    [Fact]
    public void The_error_type_header_is_used_when_the_body_has_no_code()
    {
        using var response = Answer(HttpStatusCode.BadRequest, "{}");
        response.Headers.Add("x-amzn-ErrorType", "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/");

        Assert.Equal("UnrecognizedClientException", AwsErrorBody.Read("{}", response).Code);
    }

    [Fact]
    public void A_body_that_is_not_json_gives_the_status_and_the_start_of_the_text()
    {
        var html = "<html>" + new string('x', 500) + "</html>";
        using var response = Answer(HttpStatusCode.BadGateway, html);

        var (code, message) = AwsErrorBody.Read(html, response);

        Assert.Equal("Http502", code);
        Assert.Equal(200, message.Length);
        Assert.StartsWith("<html>", message);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
}
