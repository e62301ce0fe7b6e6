using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sync.Server.Tests.Support;

/// <summary>Calls of the wire contract that several tests make.</summary>
public static class Api
{
    public static async Task<JsonElement> CreateProjectAsync(this HttpClient client, string name, string? appId = null)
    {
        using var response = await client.PostAsJsonAsync("v1/projects", new { name, app_id = appId, product_code = "aws-databricks" });
        return await response.AssertResultAsync();
    }

    public static async Task<HttpResponseMessage> CreatePredictionAsync(this HttpClient client, object request) =>
        await client.PostAsJsonAsync("v1/autotuner/predictions", request);

    /// <summary>Creates a prediction that waits for its log to be uploaded; returns its id and upload details.</summary>
    public static async Task<(string Id, string Url, string Token)> CreateAwaitingUploadAsync(this HttpClient client, string? projectId = null)
    {
        using var response = await client.CreatePredictionAsync(new { product_code = "aws-databricks", configs = Samples.Report, project_id = projectId });
        var result = await response.AssertResultAsync(HttpStatusCode.Accepted);
        Assert.Equal("AWAITING_UPLOAD", result.GetProperty("status").GetString());
        var upload = result.GetProperty("upload_details");
        return (result.GetProperty("prediction_id").GetString()!, upload.GetProperty("url").GetString()!, upload.GetProperty("fields").GetProperty("token").GetString()!);
    }

    /// <summary>POSTs <paramref name="content"/> to an upload URL as the multipart part 'file', after the token field.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string? token, Stream content, string fileName = "eventlog.zip")
    {
        using var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "token");
        }

        form.Add(new StreamContent(content), "file", fileName);
        return await client.PostAsync(url, form);
    }

    public static async Task<string> StatusAsync(this HttpClient client, string predictionId)
    {
        using var response = await client.GetAsync($"v1/autotuner/predictions/{predictionId}/status");
        return (await response.AssertResultAsync()).GetProperty("status").GetString()!;
    }

    /// <summary>Polls the status until SUCCESS or FAILURE (at most two minutes).</summary>
    public static async Task<string> WaitAsync(this HttpClient client, string predictionId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var status = await client.StatusAsync(predictionId);
            if (status is "SUCCESS" or "FAILURE")
            {
                return status;
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
