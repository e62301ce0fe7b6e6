using System.Runtime.CompilerServices;
using System.Buffers.Text;
using System.Text.Json;
using Sync.Engine.Applications;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// Lenient value readers over <see cref="Utf8JsonReader"/> for the event parsers: the reader stands on a property
/// name, these move it to the value and read it. Numbers written as strings (older Spark versions do) are accepted;
/// nulls and values of another type read as the default.
/// </summary>
internal static class JsonRead
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Int64(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var value))
                {
                    return value;
                }

                return reader.TryGetDouble(out var d) ? (long)d : 0;
            case JsonTokenType.String:
                return Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out _) ? parsed : 0;
            default:
                reader.Skip();
                return 0;
        }
    }

    public static int Int32(ref Utf8JsonReader reader) => (int)Math.Clamp(Int64(ref reader), int.MinValue, int.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Boolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.String:
                return reader.ValueTextEquals("true"u8);
            default:
                reader.Skip();
                return false;
        }
    }

    public static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Interned(ref Utf8JsonReader reader, StringTable table)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return table.Intern("");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return table.InternUtf8(reader.ValueSpan);
        }

        return table.Intern(reader.GetString());
    }

    public static List<int> Int32Array(ref Utf8JsonReader reader)
    {
        var list = new List<int>();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return list;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
            {
                list.Add(value);
            }
            else
            {
                reader.Skip();
            }
        }

        return list;
    }

    /// <summary>Reads a flat object of string (or scalar) values into <paramref name="target"/>.</summary>
    public static void StringMap(ref Utf8JsonReader reader, IDictionary<string, string> target)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var value = String(ref reader);
                if (value is not null)
                {
                    target[key] = value;
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            // Some writers give properties as [[key, value], ...].
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                var key = String(ref reader);
                var value = String(ref reader);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                }

                if (key is not null && value is not null)
                {
                    target[key] = value;
                }
            }
        }
        else
        {
            reader.Skip();
        }
    }

    /// <summary>Moves to the value of the current property and skips it, whatever its type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Moves to the value of the current property; returns whether it opened an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool EnterObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        reader.Skip();
        return false;
    }
}
