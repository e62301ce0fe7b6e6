namespace Sync.Engine.Simulation;

/// <summary>
/// What a stage's first tasks pay on a target for starting cold (<see cref="ColdStarts"/>), added to their warm
/// durations as the simulation launches them: the first <see cref="FreshSlotTasks"/> tasks (in launch order) start on
/// fresh slots and pay the slot warm-up; the rest of the stage's first wave (<see cref="FirstWave"/> tasks, one per slot
/// it fills) pays the stage's own start-up; the next <see cref="SecondTasks"/> tasks are the fresh slots' second ones
/// and pay what the JIT still costs then.
/// </summary>
/// <param name="FreshSlotTasks">Tasks that start on a slot no earlier task used.</param>
/// <param name="FirstWave">Tasks of the stage's first wave.</param>
/// <param name="SlotMs">A fresh slot's first-task excess.</param>
/// <param name="StageMs">A stage's first task's excess on a used slot.</param>
/// <param name="SecondTasks">Tasks after the first wave that are their slot's second (<see cref="TaskStart.SecondOnSlot"/>).</param>
/// <param name="SecondMs">A slot's second-task excess.</param>
internal readonly record struct WarmUpCharge(int FreshSlotTasks, int FirstWave, int SlotMs, int StageMs, int SecondTasks = 0, int SecondMs = 0)
{
    /// <summary>The excess task <paramref name="task"/> (its launch-order index) pays.</summary>
    public int ExtraMs(int task) =>
        task < FreshSlotTasks ? Math.Max(SlotMs, StageMs) : task < FirstWave ? StageMs : task < FirstWave + SecondTasks ? SecondMs : 0;
}
