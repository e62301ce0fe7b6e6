using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The body of every successful response: <c>{"result": …}</c>.</summary>
/// <typeparam name="T">The result's type.</typeparam>
public sealed class ResultEnvelope<T>
{
    /// <summary>The result.</summary>
    [JsonPropertyName("result")]
    public T? Result { get; init; }
}
