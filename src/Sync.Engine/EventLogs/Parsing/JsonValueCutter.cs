using System.Runtime.CompilerServices;
using System.Buffers;

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
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"[]{}"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);
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
        var position = open;
        while (position < json.Length)
        {
            var next = json[position..].IndexOfAny(Structural);
            if (next < 0)
            {
                return -1;
            }

            position += next;
            switch (json[position])
            {
                case (byte)'"':
                    position = StringEndAfter(json, position + 1);
                    if (position < 0)
                    {
                        return -1;
                    }

                    continue;
                case (byte)'[' or (byte)'{':
                    depth++;
                    break;
                default:
                    depth--;
                    if (depth == 0)
                    {
                        return position + 1;
                    }

                    break;
            }

            position++;
        }

        return -1;
    }

    /// <summary>Index just past the quote that closes a string whose content starts at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StringEndAfter(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length)
        {
            var next = json[position..].IndexOfAny(StringEnd);
            if (next < 0)
            {
                return -1;
            }

            position += next;
            if (json[position] == (byte)'"')
            {
                return position + 1;
            }

            position += 2; // an escape and the character it escapes
        }

        return -1;
    }
}
