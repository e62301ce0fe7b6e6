namespace Sync.Engine.Simulation;

/// <summary>How warm the slot a task started on was (<see cref="ColdStarts"/>).</summary>
internal enum TaskStart : byte
{
    /// <summary>Its slot had run a task of the same stage before, and at least two tasks in all.</summary>
    Warm,

    /// <summary>The first task of its stage on its slot: it fetched and deserialised the stage's code.</summary>
    FirstOfStageOnSlot,

    /// <summary>The first task on its slot at all: the executor's JVM warmed up while it ran.</summary>
    FirstOnSlot,

    /// <summary>The second task on its slot, of the same stage as the first: the JIT was still compiling the stage's code.</summary>
    SecondOnSlot,
}
