using System.Runtime.CompilerServices;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// Empties large JSON arrays and objects the model never reads (task accumulables, executor metrics, SQL plan trees) at
/// byte level, before the tokenizer sees the line: finding a value's end needs only a vectorised scan for brackets and
/// quotes, which is several times faster than tokenizing every number and string inside it.
/// A key is matched only as written by Spark's JSON writer (<c>"Name":[</c>); the sequence cannot occur inside a JSON
/// string, where quotes are escaped. Anything unexpected leaves the line unchanged for the tokenizer to judge.
/// </summary>
internal sealed class JsonValueCutter
{
    private readonly byte[][] _keys;
    private byte[] _scratch = new byte[64 * 1024];
    private readonly List<(int Open, int Close)> _cuts = [];

    /// <param name="keys">Property names with their opening bracket, e.g. <c>"Accumulables":[</c>.</param>
    public JsonValueCutter(params string[] keys) => _keys = keys.Select(k => System.Text.Encoding.UTF8.GetBytes(k)).ToArray();

    /// <summary>The line with the values of the keys emptied (<c>[]</c> / <c>{}</c>); the line itself when there is nothing to cut.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Cut(ReadOnlySpan<byte> line)
    {
        _cuts.Clear();
        foreach (var key in _keys)
        {
            var at = line.IndexOf(key);
            if (at < 0)
            {
                continue;
            }

            var open = at + key.Length - 1;
            var end = ValueEnd(line, open);
            if (end - open > 2)
            {
                _cuts.Add((open, end - 1));
            }
        }

        if (_cuts.Count == 0)
        {
            return line;
        }

        _cuts.Sort((a, b) => a.Open.CompareTo(b.Open));
        if (_scratch.Length < line.Length)
        {
            _scratch = new byte[Math.Max(line.Length, _scratch.Length * 2)];
        }

        var written = 0;
        var from = 0;
        foreach (var (open, close) in _cuts)
        {
            if (open < from)
            {
                continue; // nested in a value already cut
            }

            line[from..(open + 1)].CopyTo(_scratch.AsSpan(written));
            written += open + 1 - from;
            from = close;
        }

        line[from..].CopyTo(_scratch.AsSpan(written));
        written += line.Length - from;
        return _scratch.AsSpan(0, written);
    }

    /// <summary>Index just past the bracket that closes the one at <paramref name="open"/>; -1 when the line ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int ValueEnd(ReadOnlySpan<byte> json, int open)
    {
        if (open >= json.Length || json[open] is not ((byte)'[' or (byte)'{'))
        {
            return -1;
        }

        var depth = 0;
        for (var i = open; i < json.Length; i++)
        {
            switch (json[i])
            {
                case (byte)'"':
                    i = ClosingQuote(json, i + 1);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case (byte)'[' or (byte)'{':
                    depth++;
                    break;
                case (byte)']' or (byte)'}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the quote that closes a string whose content starts at <paramref name="position"/>: the next quote
    /// preceded by an even number of backslashes (most strings have none, so one vectorised search usually finds it).
    /// </summary>
    private static int ClosingQuote(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length)
        {
            var next = json[position..].IndexOf((byte)'"');
            if (next < 0)
            {
                return -1;
            }

            position += next;
            var backslashes = 0;
            while (json[position - 1 - backslashes] == (byte)'\\')
            {
                backslashes++;
            }

            if ((backslashes & 1) == 0)
            {
                return position;
            }

            position++;
        }

        return -1;
    }
}
