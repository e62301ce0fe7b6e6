using System.Text.Json;

namespace Sync.Clients.Aws;

/// <summary>Reads the error code and message of a JSON-protocol error answer (<c>__type</c>, <c>message</c>, <c>x-amzn-ErrorType</c>).</summary>
internal static class AwsErrorBody
{
    /// <summary>The error code (namespace and suffix removed) and the message of an error answer.</summary>
    /// <param name="text">The body.</param>
    /// <param name="response">The answer, for its status and headers.</param>
    public static (string Code, string Message) Read(string text, HttpResponseMessage response)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.Name.Equals("code", StringComparison.OrdinalIgnoreCase))
                    {
                        code ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            message = text.Length > 200 ? text[..200] : text;
        }

        if (code is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            code = types.FirstOrDefault();
        }

        return (Clean(code) ?? $"Http{(int)response.StatusCode}", string.IsNullOrWhiteSpace(message) ? response.ReasonPhrase ?? "no message" : message);
    }

    private static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':');
        return colon >= 0 ? code[..colon] : code;
    }
}
