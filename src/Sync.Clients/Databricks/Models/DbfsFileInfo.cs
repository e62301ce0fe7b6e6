namespace Sync.Clients.Databricks.Models;

/// <summary>A DBFS file or directory (<c>dbfs/list</c>, <c>dbfs/get-status</c>); <see cref="Path"/> is absolute without the <c>dbfs:</c> scheme.</summary>
internal sealed record DbfsFileInfo(string Path, bool IsDir, long FileSize, long? ModificationTime);

/// <summary>The answer of <c>dbfs/list</c>.</summary>
internal sealed record DbfsListing(List<DbfsFileInfo>? Files);

/// <summary>The answer of <c>dbfs/read</c>: <c>bytes_read</c> and base64 <c>data</c>.</summary>
internal sealed record DbfsReadResult(long BytesRead, string? Data);
