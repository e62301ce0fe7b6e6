namespace Sync.Engine.Applications;

/// <summary>Spark's task locality levels, as written in the <c>Locality</c> field of a task info.</summary>
public enum TaskLocality : byte
{
    /// <summary>Data in the same JVM.</summary>
    ProcessLocal,
    /// <summary>Data on the same node.</summary>
    NodeLocal,
    /// <summary>No locality preference.</summary>
    NoPref,
    /// <summary>Data on the same rack.</summary>
    RackLocal,
    /// <summary>Data anywhere.</summary>
    Any,
}
