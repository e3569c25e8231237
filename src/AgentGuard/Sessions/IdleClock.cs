namespace AgentGuard.Policies;

/// <summary>
/// The monotonic clock the session store measures idleness with, in <see cref="TimeSpan"/> ticks. On the system clock it
/// reads the coarse tick count (<see cref="Environment.TickCount64"/>): a quarter of a precise read's cost on the
/// decision path, and its resolution of a few milliseconds is far below any idle timeout. On another time provider (a
/// test's fake clock) it reads the provider's timestamp.
/// </summary>
internal readonly struct IdleClock
{
    private readonly TimeProvider _time;
    private readonly bool _system;

    public IdleClock(TimeProvider time)
    {
        _time = time;
        _system = ReferenceEquals(time, TimeProvider.System);
    }

    /// <summary>Now, in <see cref="TimeSpan"/> ticks from an arbitrary origin.</summary>
    public long Now
    {
        get
        {
            if (_system)
            {
                return Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            }

            var timestamp = _time.GetTimestamp();
            var frequency = _time.TimestampFrequency;
            return frequency == TimeSpan.TicksPerSecond ? timestamp : (long)(timestamp * ((double)TimeSpan.TicksPerSecond / frequency));
        }
    }

    /// <summary>True when <paramref name="span"/> has passed between <paramref name="then"/> and <paramref name="now"/> (both from <see cref="Now"/>).</summary>
    public static bool HasPassed(long then, long now, TimeSpan span) => now - then >= span.Ticks;
}
