namespace Sync.Engine.Simulation;

/// <summary>
/// What a stage's first tasks pay on a target for starting cold (<see cref="ColdStarts"/>), added to their warm
/// durations as the simulation launches them: the first <see cref="FreshSlotTasks"/> tasks (in launch order) start on
/// fresh slots and pay the slot warm-up; the rest of the stage's first wave (<see cref="FirstWave"/> tasks, one per slot
/// it fills) pays the stage's own start-up.
/// </summary>
/// <param name="FreshSlotTasks">Tasks that start on a slot no earlier task used.</param>
/// <param name="FirstWave">Tasks of the stage's first wave.</param>
/// <param name="SlotMs">A fresh slot's first-task excess.</param>
/// <param name="StageMs">A stage's first task's excess on a used slot.</param>
internal readonly record struct WarmUpCharge(int FreshSlotTasks, int FirstWave, int SlotMs, int StageMs)
{
    /// <summary>The excess task <paramref name="task"/> (its launch-order index) pays.</summary>
    public int ExtraMs(int task) =>
        task < FreshSlotTasks ? Math.Max(SlotMs, StageMs) : task < FirstWave ? StageMs : 0;
}
