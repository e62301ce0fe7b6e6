namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A key/value tag.</summary>
[EmrShape("Tag")]
public sealed class Tag
{
    /// <summary>The key.</summary>
    public string? Key { get; set; }

    /// <summary>The value.</summary>
    public string? Value { get; set; }
}
