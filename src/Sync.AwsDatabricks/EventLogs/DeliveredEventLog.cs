namespace Sync.AwsDatabricks.EventLogs;

/// <summary>
/// A cluster's event log as delivered to its log destination: the folder
/// <c>&lt;destination&gt;/&lt;cluster-id&gt;/eventlog/&lt;cluster-id&gt;_&lt;driver-ip&gt;/&lt;spark-context-id&gt;/</c>
/// and its files (rotated <c>eventlog-…gz</c> parts and the live <c>eventlog</c>).
/// </summary>
/// <param name="Folder">The folder, as a <c>dbfs:/</c> URI.</param>
/// <param name="Files">The files in it.</param>
public sealed record DeliveredEventLog(string Folder, IReadOnlyList<DeliveredEventLogFile> Files);

/// <summary>One file of a <see cref="DeliveredEventLog"/>.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record DeliveredEventLogFile(string Name, long Size);
