using System.Text;

namespace Sync.Engine.Applications;

/// <summary>Interns strings read as UTF-8 so that each distinct value is allocated once and referred to by index.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];

    public StringTable() => _lookup = _indexes.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<string> Values => _values;

    public int Intern(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var index))
        {
            return index;
        }

        var text = value.ToString();
        index = _values.Count;
        _values.Add(text);
        _indexes.Add(text, index);
        return index;
    }

    public int InternUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[256];
            var count = Encoding.UTF8.GetChars(utf8, chars);
            return Intern(chars[..count]);
        }

        return Intern(Encoding.UTF8.GetString(utf8));
    }
}
