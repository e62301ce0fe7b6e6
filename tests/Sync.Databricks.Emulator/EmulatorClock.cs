using System.Diagnostics;

namespace Sync.Databricks.Emulator;

/// <summary>
/// The emulator's notion of now. <see cref="Real"/> follows the wall clock; <see cref="Manual"/> stands still until a
/// test calls <see cref="Advance"/>, so run and cluster lifecycles move exactly when the test says.
/// </summary>
public sealed class EmulatorClock
{
    private readonly object _gate = new();
    private readonly Stopwatch? _stopwatch;
    private DateTimeOffset _start;

    private EmulatorClock(DateTimeOffset start, bool real)
    {
        _start = start;
        _stopwatch = real ? Stopwatch.StartNew() : null;
    }

    /// <summary>A clock that follows real time.</summary>
    public static EmulatorClock Real() => new(DateTimeOffset.UtcNow, real: true);

    /// <summary>A clock that only moves when <see cref="Advance"/> is called.</summary>
    /// <param name="start">The starting time; a fixed date when omitted.</param>
    public static EmulatorClock Manual(DateTimeOffset? start = null) => new(start ?? new DateTimeOffset(2026, 3, 4, 22, 0, 0, TimeSpan.Zero), real: false);

    /// <summary>Whether the clock follows real time.</summary>
    public bool IsReal => _stopwatch is not null;

    /// <summary>The current time.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _stopwatch is null ? _start : _start + _stopwatch.Elapsed;
            }
        }
    }

    /// <summary>Epoch milliseconds of <see cref="Now"/>.</summary>
    public long NowMs => Now.ToUnixTimeMilliseconds();

    /// <summary>Moves the clock forward (also a real one, to skip waiting).</summary>
    /// <param name="by">How far.</param>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _start += by;
        }
    }
}
