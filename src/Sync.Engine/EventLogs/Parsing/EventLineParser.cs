using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// Parses one line of an event log into the <see cref="ApplicationModelBuilder"/>: finds the <c>Event</c> name
/// (Spark writes it first; any position is accepted), dispatches to the parser for that event, and counts events by
/// name. Throws <see cref="JsonException"/> for a line that is not a JSON object.
/// </summary>
internal sealed class EventLineParser(ApplicationModelBuilder model)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 1024, CommentHandling = JsonCommentHandling.Skip };
    private readonly long[] _kindCounts = new long[Enum.GetValues<EventKind>().Length];
    private readonly Dictionary<string, long> _otherCounts = new(StringComparer.Ordinal);
    private readonly JsonValueCutter _taskEndCutter = new("\"Accumulables\":[", "\"Task Executor Metrics\":{", "\"Updated Blocks\":[");
    private readonly JsonValueCutter _stageCutter = new("\"Accumulables\":[");
    private readonly JsonValueCutter _sqlCutter = new("\"sparkPlanInfo\":{");

    public IReadOnlyDictionary<string, long> EventCounts(out Dictionary<string, long> unknown)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        unknown = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            if (kind is not (EventKind.OtherSpark or EventKind.Unknown) && _kindCounts[(int)kind] > 0)
            {
                counts[EventNames.Of(kind)] = _kindCounts[(int)kind];
            }
        }

        foreach (var (name, count) in _otherCounts)
        {
            counts[name] = count;
            if (!EventNames.IsSparkEvent(name))
            {
                unknown[name] = count;
            }
        }

        return counts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            ParseObject(line);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports invalid UTF-8 inside a string when the string is read.
            throw new JsonException("the line holds invalid UTF-8 text", e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseObject(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the line is not a JSON object");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("the JSON object has no \"Event\" field");
        }

        if (!reader.ValueTextEquals("Event"u8))
        {
            // Not Spark's own writer: find the event name, then parse the object again from its start.
            var name = FindEventName(line);
            if (!CountedOnly(line, EventNames.Classify(name)))
            {
                reader = new Utf8JsonReader(line, Options);
                reader.Read();
                Dispatch(ref reader, EventNames.Classify(name), name);
            }

            return;
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("the \"Event\" field is not a string");
        }

        var eventName = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        var kind = EventNames.Classify(eventName);
        if (CountedOnly(line, kind))
        {
            return;
        }

        var cutter = kind switch
        {
            EventKind.TaskEnd => _taskEndCutter,
            EventKind.StageCompleted or EventKind.StageSubmitted => _stageCutter,
            EventKind.SqlExecutionStart => _sqlCutter,
            _ => null,
        };
        var cut = cutter is null ? line : cutter.Cut(line);
        if (cut != line)
        {
            // Same first bytes: move a reader over the cut line past the "Event" name again.
            reader = new Utf8JsonReader(cut, Options);
            reader.Read();
            reader.Read();
            reader.Read();
        }

        Dispatch(ref reader, kind, eventName);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dispatch(ref Utf8JsonReader reader, EventKind kind, ReadOnlySpan<byte> name)
    {
        if (kind is EventKind.OtherSpark or EventKind.Unknown)
        {
            // Events the model does not use are counted by name, not parsed further.
            Count(name);
            return;
        }

        switch (kind)
        {
            case EventKind.TaskEnd: TaskEventParser.ParseEnd(ref reader, model); break;
            case EventKind.StageSubmitted: JobStageEventParser.ParseStageSubmitted(ref reader, model); break;
            case EventKind.StageCompleted: JobStageEventParser.ParseStageCompleted(ref reader, model); break;
            case EventKind.JobStart: JobStageEventParser.ParseJobStart(ref reader, model); break;
            case EventKind.JobEnd: JobStageEventParser.ParseJobEnd(ref reader, model); break;
            case EventKind.ExecutorAdded: ApplicationEventParser.ParseExecutorAdded(ref reader, model); break;
            case EventKind.ExecutorRemoved: ApplicationEventParser.ParseExecutorRemoved(ref reader, model); break;
            case EventKind.BlockManagerAdded: ApplicationEventParser.ParseBlockManagerAdded(ref reader, model); break;
            case EventKind.UnpersistRdd: JobStageEventParser.ParseUnpersistRdd(ref reader, model); break;
            case EventKind.ApplicationStart: ApplicationEventParser.ParseApplicationStart(ref reader, model); break;
            case EventKind.ApplicationEnd: ApplicationEventParser.ParseApplicationEnd(ref reader, model); break;
            case EventKind.LogStart: ApplicationEventParser.ParseLogStart(ref reader, model); break;
            case EventKind.EnvironmentUpdate: ApplicationEventParser.ParseEnvironmentUpdate(ref reader, model); break;
            case EventKind.SqlExecutionStart: ApplicationEventParser.ParseSqlExecutionStart(ref reader, model); break;
            case EventKind.SqlExecutionEnd: ApplicationEventParser.ParseSqlExecutionEnd(ref reader, model); break;
            case EventKind.DatabricksMetadata: ApplicationEventParser.ParseDatabricksMetadata(ref reader, model); break;
        }

        EnsureEnd(ref reader);
        _kindCounts[(int)kind]++;
    }

    /// <summary>Handles the events that are counted at byte level without tokenizing; returns whether it did.</summary>
    private bool CountedOnly(ReadOnlySpan<byte> line, EventKind kind)
    {
        if (kind != EventKind.TaskStart)
        {
            return false;
        }

        if (!line.EndsWith("}}"u8))
        {
            // Spark's task start ends with its task info; anything else may be cut off, so let the tokenizer judge it.
            var reader = new Utf8JsonReader(line, Options);
            while (reader.Read())
            {
            }
        }

        TaskEventParser.CountStart(line, model);
        _kindCounts[(int)kind]++;
        return true;
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
        {
            throw new JsonException("unexpected content in the event object");
        }

        if (reader.Read())
        {
            throw new JsonException("more than one JSON value on the line");
        }
    }

    private void Count(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[Math.Min(name.Length, 512)];
        var length = Encoding.UTF8.GetChars(name[..chars.Length], chars);
        var lookup = _otherCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        CollectionsMarshal.GetValueRefOrAddDefault(lookup, chars[..length], out _)++;
    }

    private static byte[] FindEventName(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Event"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    return Encoding.UTF8.GetBytes(reader.GetString()!);
                }
            }

            JsonRead.SkipValue(ref reader);
        }

        throw new JsonException("the JSON object has no \"Event\" field");
    }
}
