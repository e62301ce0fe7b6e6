using System.Text.Json.Nodes;

namespace Sync.Databricks.Emulator;

/// <summary>An answer of the emulated API: status and JSON body (errors as <c>{"error_code", "message"}</c>).</summary>
internal sealed record ApiResult(int Status, JsonNode Body)
{
    public static ApiResult Ok(JsonNode body) => new(200, body);

    public static ApiResult Error(int status, string errorCode, string message) =>
        new(status, new JsonObject { ["error_code"] = errorCode, ["message"] = message });

    public static ApiResult InvalidParameter(string message) => Error(400, "INVALID_PARAMETER_VALUE", message);

    public static ApiResult DoesNotExist(string message) => Error(404, "RESOURCE_DOES_NOT_EXIST", message);
}
