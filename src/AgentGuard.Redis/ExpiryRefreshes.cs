using System.Collections.Concurrent;

namespace AgentGuard.Redis;

/// <summary>
/// When this replica last gave a session's keys their expiry, so a call record refreshes it only every half idle
/// timeout rather than on every call: the three <c>PEXPIRE</c>s were most of what a record cost Redis (each command a
/// script runs costs it a few microseconds), and that time delays every command behind it on the connection.
/// </summary>
/// <remarks>
/// Sound because every write of a session's keys sets their expiry to 1.5 × the idle timeout
/// (<see cref="RedisSessionStore.TtlMs"/>), which never shortens one set before: a record skipped within half an idle
/// timeout of this replica's last refresh still leaves the keys at least a whole idle timeout past that call. So a
/// session's labels, history and seen values last at least <c>IdleTimeout</c> after its last call (and at most
/// 1.5 × after it), whichever replicas it used. Bounded: two generations of at most <see cref="Capacity"/> sessions;
/// when the current one fills, it becomes the previous and the oldest is dropped whole, so no call does work
/// proportional to the number of sessions. A session not found refreshes.
/// </remarks>
internal sealed class ExpiryRefreshes(TimeProvider time)
{
    /// <summary>Sessions per generation.</summary>
    public const int Capacity = 32_768;

    private Generation _current = new();
    private Generation _previous = new();

    /// <summary>
    /// True when the keys of <paramref name="sessionId"/> must be given their expiry with this write (and notes that they
    /// were); false when this replica did so less than half of <paramref name="idleTimeout"/> ago.
    /// </summary>
    public bool Due(string sessionId, TimeSpan idleTimeout)
    {
        var now = time.GetTimestamp();
        var current = Volatile.Read(ref _current);
        if (current.Refreshed.TryGetValue(sessionId, out var last))
        {
            if (time.GetElapsedTime(last, now) < idleTimeout / 2)
            {
                return false;
            }

            current.Refreshed[sessionId] = now;
            return true;
        }

        if (Volatile.Read(ref _previous).Refreshed.TryGetValue(sessionId, out last) && time.GetElapsedTime(last, now) < idleTimeout / 2)
        {
            return false;
        }

        if (current.Refreshed.TryAdd(sessionId, now) && Interlocked.Increment(ref current.Count) >= Capacity
            && Interlocked.CompareExchange(ref _current, new Generation(), current) == current)
        {
            Volatile.Write(ref _previous, current);
        }

        return true;
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, long> Refreshed = new(StringComparer.Ordinal);
        public int Count;
    }
}
