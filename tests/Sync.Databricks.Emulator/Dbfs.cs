namespace Sync.Databricks.Emulator;

/// <summary>An in-memory DBFS: files by absolute path; directories exist when created or when a file lies below them.</summary>
public sealed class Dbfs
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, (byte[] Content, long Modified)> _files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _directories = new(StringComparer.Ordinal) { "/" };

    /// <summary>Writes (or replaces) a file, creating its directories.</summary>
    /// <param name="path">Absolute path, with or without <c>dbfs:</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="modifiedMs">Modification time, epoch ms.</param>
    public void Write(string path, byte[] content, long modifiedMs)
    {
        path = Normalize(path);
        lock (_gate)
        {
            _files[path] = (content, modifiedMs);
            for (var dir = Parent(path); dir is not null; dir = Parent(dir))
            {
                _directories.Add(dir);
            }
        }
    }

    /// <summary>The file's bytes, or <see langword="null"/>.</summary>
    /// <param name="path">Absolute path.</param>
    public byte[]? Read(string path)
    {
        lock (_gate)
        {
            return _files.TryGetValue(Normalize(path), out var f) ? f.Content : null;
        }
    }

    internal (bool Exists, bool IsDir, long Size, long Modified) Status(string path)
    {
        path = Normalize(path);
        lock (_gate)
        {
            if (_files.TryGetValue(path, out var f))
            {
                return (true, false, f.Content.LongLength, f.Modified);
            }

            return _directories.Contains(path) ? (true, true, 0, 0) : (false, false, 0, 0);
        }
    }

    internal List<(string Path, bool IsDir, long Size, long Modified)> List(string path)
    {
        path = Normalize(path);
        var prefix = path == "/" ? "/" : path + "/";
        lock (_gate)
        {
            var dirs = _directories.Where(d => d != path && d.StartsWith(prefix, StringComparison.Ordinal) && !d[prefix.Length..].Contains('/'))
                .Select(d => (d, true, 0L, 0L));
            var files = _files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && !f.Key[prefix.Length..].Contains('/'))
                .Select(f => (f.Key, false, f.Value.Content.LongLength, f.Value.Modified));
            return dirs.Concat(files).ToList();
        }
    }

    /// <summary><c>dbfs:/a/b/</c> → <c>/a/b</c>.</summary>
    /// <param name="path">A DBFS path.</param>
    public static string Normalize(string path)
    {
        var p = path.StartsWith("dbfs:", StringComparison.OrdinalIgnoreCase) ? path[5..] : path;
        p = "/" + p.Trim('/');
        return p;
    }

    private static string? Parent(string path)
    {
        if (path == "/")
        {
            return null;
        }

        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }
}
