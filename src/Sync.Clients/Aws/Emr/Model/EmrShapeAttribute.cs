namespace Sync.Clients.Aws.Emr.Model;

/// <summary>
/// Names the shapes of the EMR API model (<c>service-2.json</c>) a type stands for. Several shapes of the same form
/// (the four timelines, the state-change reasons) share one type. The tests check every member, required member and
/// enum value of the named shapes against the official model.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EmrShapeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="shapes">The shape names.</param>
    public EmrShapeAttribute(params string[] shapes)
    {
        Shapes = shapes;
    }

    /// <summary>The shape names.</summary>
    public IReadOnlyList<string> Shapes { get; }
}
