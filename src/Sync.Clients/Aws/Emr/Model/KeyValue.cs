namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A key/value pair of a step.</summary>
[EmrShape("KeyValue")]
public sealed class KeyValue
{
    /// <summary>The key.</summary>
    public string? Key { get; set; }

    /// <summary>The value.</summary>
    public string? Value { get; set; }
}
