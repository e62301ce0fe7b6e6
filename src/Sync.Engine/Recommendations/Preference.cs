namespace Sync.Engine.Recommendations;

/// <summary>Which of the recommended configurations a user wants applied.</summary>
public enum Preference
{
    /// <summary>The fastest configuration.</summary>
    Performance,
    /// <summary>The knee of the runtime/cost front: least (runtime / fastest runtime) + (cost / cheapest cost).</summary>
    Balanced,
    /// <summary>The cheapest configuration (within the deadline, if one is given).</summary>
    Economy,
}
