using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sync.Clients.Tests.Databricks;

/// <summary>Error answers of the emulator as the REST reference documents them, seen through plain HTTP.</summary>
public sealed class EmulatorApiTests
{
    private static async Task<(int Status, JsonObject Body)> SendAsync(EmulatedWorkspace ws, HttpMethod method, string path, string? body = null)
    {
        using var http = new HttpClient { BaseAddress = ws.Emulator.BaseUri };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ws.Emulator.Token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Theory]
    [InlineData("GET", "api/2.0/dbfs/read?path=/x&length=2000000", null, 400, "MAX_READ_SIZE_EXCEEDED")]
    [InlineData("GET", "api/2.0/dbfs/read?path=/&length=10", null, 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("GET", "api/2.0/dbfs/read?path=/x&offset=-1", null, 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("GET", "api/2.0/dbfs/list?path=/missing", null, 404, "RESOURCE_DOES_NOT_EXIST")]
    [InlineData("GET", "api/2.0/clusters/get", null, 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("GET", "api/2.0/clusters/nothing", null, 404, "ENDPOINT_NOT_FOUND")]
    [InlineData("POST", "api/2.0/clusters/events", """{"cluster_id": "x", "order": "DESC", "offset": 10}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.0/clusters/events", """{"cluster_id": "x", "limit": 501}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.1/jobs/runs/submit", """{"tasks": [{"task_key": "t", "existing_cluster_id": "c", "notebook_task": {}}]}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.1/jobs/runs/submit", """{"tasks": [{"task_key": "t", "notebook_task": {}}]}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.1/jobs/runs/submit", """{"tasks": [{"task_key": "t", "notebook_task": {}, "new_cluster": {"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge"}}]}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.1/jobs/runs/submit", """{"tasks": [{"task_key": "t", "notebook_task": {}, "new_cluster": {"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.huge", "num_workers": 1}}]}""", 400, "INVALID_PARAMETER_VALUE")]
    [InlineData("POST", "api/2.1/jobs/runs/submit", "{not json", 400, "MALFORMED_REQUEST")]
    [InlineData("POST", "api/2.1/jobs/runs/cancel", "{}", 400, "INVALID_PARAMETER_VALUE")]
    public async Task Bad_requests_get_databricks_error_bodies(string method, string path, string? body, int status, string errorCode)
    {
        await using var ws = await EmulatedWorkspace.StartAsync();

        var (actualStatus, json) = await SendAsync(ws, new HttpMethod(method), path, body);

        Assert.Equal(status, actualStatus);
        Assert.Equal(errorCode, json["error_code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(json["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_submit_without_a_size_names_the_missing_field()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var (_, json) = await SendAsync(ws, HttpMethod.Post, "api/2.1/jobs/runs/submit",
            """{"tasks": [{"task_key": "t", "notebook_task": {"notebook_path": "/n"}, "new_cluster": {"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge"}}]}""");
        Assert.Equal("Missing required field: size", json["message"]!.GetValue<string>());
    }
}
