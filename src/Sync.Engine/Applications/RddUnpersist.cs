namespace Sync.Engine.Applications;

/// <summary>
/// A <c>SparkListenerUnpersistRDD</c> event: the application dropped an RDD's cached blocks. The event carries no
/// time, so its place is given by how many <c>SparkListenerStageCompleted</c> events the log had written before it.
/// </summary>
/// <param name="RddId">The RDD whose blocks were dropped.</param>
/// <param name="StagesCompletedBefore">Stage completions in the log before this event.</param>
public sealed record RddUnpersist(int RddId, int StagesCompletedBefore);
