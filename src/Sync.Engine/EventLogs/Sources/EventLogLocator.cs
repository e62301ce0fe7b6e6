using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Sync.Engine.EventLogs.Sources;

/// <summary>Finds the files of one application's event log under a local path; see <see cref="EventLogSource.FromPath"/>.</summary>
internal static partial class EventLogLocator
{
    private const string InProgressSuffix = ".inprogress";

    public static EventLogSource Locate(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return ArchiveKind(full) is { } archive ? FromArchive(full, archive) : SingleFile(full);
        }

        if (Directory.Exists(full))
        {
            return FromDirectory(full, null);
        }

        throw new FileNotFoundException($"No file or directory at '{path}'.", path);
    }

    private static EventLogSource SingleFile(string file) =>
        new(EventLogLayout.SingleFile, [Part(file)], file.EndsWith(InProgressSuffix, StringComparison.Ordinal), []);

    private static EventLogSourcePart Part(string file) => LocalFile.Part(file);

    private static EventLogSource FromDirectory(string directory, string? temporaryDirectory)
    {
        if (TryApplicationFolder(directory, temporaryDirectory) is { } source)
        {
            return source;
        }

        var candidates = new List<string>();
        Collect(directory, candidates, depth: 0);
        if (candidates.Count == 1)
        {
            return File.Exists(candidates[0])
                ? new EventLogSource(EventLogLayout.SingleFile, [Part(candidates[0])], candidates[0].EndsWith(InProgressSuffix, StringComparison.Ordinal), [], temporaryDirectory)
                : TryApplicationFolder(candidates[0], temporaryDirectory)!;
        }

        DeleteTemporary(temporaryDirectory);
        if (candidates.Count == 0)
        {
            throw new EventLogFormatException($"No event log found in '{directory}': it holds no files.");
        }

        var names = string.Join(", ", candidates.Take(10).Select(c => Path.GetRelativePath(directory, c)));
        throw new EventLogFormatException(
            $"'{directory}' holds {candidates.Count} event logs ({names}{(candidates.Count > 10 ? ", …" : "")}); pass the path of one of them.");
    }

    /// <summary>Files and application folders below <paramref name="directory"/>, not looking inside application folders.</summary>
    private static void Collect(string directory, List<string> candidates, int depth)
    {
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !IsMarkerFile(name))
            {
                candidates.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(sub).StartsWith('.'))
            {
                continue;
            }

            if (IsApplicationFolder(sub))
            {
                candidates.Add(sub);
            }
            else if (depth < 8)
            {
                Collect(sub, candidates, depth + 1);
            }
        }
    }

    private static bool IsMarkerFile(string name) =>
        name.StartsWith("appstatus_", StringComparison.Ordinal) || name == "APPLICATION_COMPLETE" || name.StartsWith("SPARK_VERSION_", StringComparison.Ordinal)
        || name.StartsWith("COMPRESSION_CODEC_", StringComparison.Ordinal) || name.EndsWith(".crc", StringComparison.Ordinal);

    private static bool IsApplicationFolder(string directory)
    {
        var names = Directory.EnumerateFiles(directory).Select(Path.GetFileName).ToArray();
        return names.Any(n => RollingFileName().IsMatch(n!) || n == "eventlog" || DatabricksRotatedName().IsMatch(n!) || LegacyFileName().IsMatch(n!));
    }

    private static EventLogSource? TryApplicationFolder(string directory, string? temporaryDirectory)
    {
        var files = Directory.EnumerateFiles(directory).ToDictionary(f => Path.GetFileName(f)!, StringComparer.Ordinal);
        var rolling = files.Keys.Select(n => (Name: n, Match: RollingFileName().Match(n))).Where(m => m.Match.Success).ToList();
        if (rolling.Count > 0)
        {
            return Rolling(directory, files, rolling.Select(r => (r.Name, r.Match)).ToList(), temporaryDirectory);
        }

        var rotated = files.Keys.Where(n => DatabricksRotatedName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
        if (rotated.Count > 0 || files.ContainsKey("eventlog"))
        {
            var ordered = rotated.Select(n => files[n]).ToList();
            if (files.TryGetValue("eventlog", out var live))
            {
                ordered.Add(live);
            }

            var (parts, warnings) = DatabricksParts.Order(ordered);
            warnings.AddRange(Ignored(directory, files, ordered));
            return new EventLogSource(EventLogLayout.DatabricksFolder, parts, false, warnings, temporaryDirectory);
        }

        var legacy = files.Keys.Select(n => LegacyFileName().Match(n)).Where(m => m.Success)
            .OrderBy(m => int.Parse(m.Groups[1].Value)).Select(m => files[m.Value]).ToList();
        if (legacy.Count > 0)
        {
            var complete = files.ContainsKey("APPLICATION_COMPLETE");
            var warnings = Ignored(directory, files, legacy);
            if (!complete)
            {
                warnings.Add("The log directory has no APPLICATION_COMPLETE marker: the application was still running.");
            }

            return new EventLogSource(EventLogLayout.LegacyDirectory, legacy.Select(Part).ToArray(), !complete, warnings, temporaryDirectory);
        }

        return null;
    }

    private static EventLogSource Rolling(
        string directory, Dictionary<string, string> files, List<(string Name, Match Match)> rolling, string? temporaryDirectory)
    {
        var byIndex = rolling
            .Select(r => (Index: long.Parse(r.Match.Groups[1].Value), Compact: r.Name.EndsWith(".compact", StringComparison.Ordinal), r.Name))
            .ToList();
        var lastCompact = byIndex.Where(f => f.Compact).Select(f => f.Index).DefaultIfEmpty(-1).Max();
        var ordered = byIndex
            .Where(f => f.Compact ? f.Index == lastCompact : f.Index > lastCompact)
            .OrderBy(f => f.Index)
            .ToList();

        var warnings = Ignored(directory, files, rolling.Select(r => files[r.Name]));
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Index != ordered[i - 1].Index + 1)
            {
                warnings.Add($"Rolling event log '{Path.GetFileName(directory)}' is missing events file(s) {ordered[i - 1].Index + 1}..{ordered[i].Index - 1}: their events are not in this analysis.");
            }
        }

        if (lastCompact < 0 && ordered.Count > 0 && ordered[0].Index != 1)
        {
            warnings.Add($"Rolling event log '{Path.GetFileName(directory)}' starts at events file {ordered[0].Index}: earlier files are missing.");
        }

        var status = files.Keys.FirstOrDefault(n => n.StartsWith("appstatus_", StringComparison.Ordinal));
        var inProgress = status is null || status.EndsWith(InProgressSuffix, StringComparison.Ordinal);
        if (status is null)
        {
            warnings.Add($"Rolling event log '{Path.GetFileName(directory)}' has no appstatus_ file; treating it as in progress.");
        }

        return new EventLogSource(EventLogLayout.RollingDirectory, ordered.Select(f => Part(files[f.Name])).ToArray(), inProgress, warnings, temporaryDirectory);
    }

    /// <summary>A warning naming the files of an application folder that are neither log parts nor known markers.</summary>
    private static List<string> Ignored(string directory, Dictionary<string, string> files, IEnumerable<string> used)
    {
        var usedSet = used.ToHashSet(StringComparer.Ordinal);
        var ignored = files.Where(f => !usedSet.Contains(f.Value) && !IsMarkerFile(f.Key) && !f.Key.StartsWith('.')).Select(f => f.Key).Order().ToList();
        return ignored.Count == 0
            ? []
            : [$"Ignored {ignored.Count} file(s) in '{Path.GetFileName(directory)}' that are not parts of its event log: {string.Join(", ", ignored.Take(10))}."];
    }

    private enum Archive
    {
        Zip,
        Tar,
        TarGzip,
    }

    private static Archive? ArchiveKind(string file)
    {
        Span<byte> head = stackalloc byte[4];
        using (var stream = File.OpenRead(file))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
            {
                return null;
            }

            if (head.SequenceEqual("PK\u0003\u0004"u8))
            {
                return Archive.Zip;
            }

            if (IsTarHeader(stream, 0))
            {
                return Archive.Tar;
            }
        }

        if (head[0] == 0x1f && head[1] == 0x8b)
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            try
            {
                return IsTarHeader(gzip, 0) ? Archive.TarGzip : null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a POSIX tar header (magic <c>ustar</c> at offset 257) is at the start of the stream.</summary>
    private static bool IsTarHeader(Stream stream, long start)
    {
        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        Span<byte> block = stackalloc byte[512];
        return stream.ReadAtLeast(block, 512, throwOnEndOfStream: false) == 512 && block.Slice(257, 5).SequenceEqual("ustar"u8);
    }

    private static EventLogSource FromArchive(string file, Archive kind)
    {
        var target = Path.Combine(Path.GetTempPath(), "sync-eventlog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        try
        {
            switch (kind)
            {
                case Archive.Zip:
                    ZipFile.ExtractToDirectory(file, target);
                    break;
                case Archive.Tar:
                    TarFile.ExtractToDirectory(file, target, overwriteFiles: false);
                    break;
                case Archive.TarGzip:
                    using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
                    {
                        TarFile.ExtractToDirectory(gzip, target, overwriteFiles: false);
                    }

                    break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            DeleteTemporary(target);
            throw new EventLogFormatException($"Cannot unpack the archive '{file}': {e.Message}", e);
        }

        return FromDirectory(target, target);
    }

    private static void DeleteTemporary(string? directory)
    {
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary><c>events_&lt;index&gt;_&lt;appId&gt;[.codec][.compact]</c>.</summary>
    [GeneratedRegex(@"^events_(\d+)_.+$")]
    private static partial Regex RollingFileName();

    /// <summary><c>eventlog-2021-06-15--15-00[.gz]</c>.</summary>
    [GeneratedRegex(@"^eventlog-\d{4}-\d{2}-\d{2}--\d{2}-\d{2}(\.gz)?$")]
    private static partial Regex DatabricksRotatedName();

    /// <summary><c>EVENT_LOG_&lt;n&gt;</c> of the Spark 1.2 directory format.</summary>
    [GeneratedRegex(@"^EVENT_LOG_(\d+)$")]
    private static partial Regex LegacyFileName();
}
