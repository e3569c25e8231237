using System.Collections.Concurrent;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The per-replica near-cache of session histories: the calls already fetched, so a decision asks Redis only for the
/// newest few calls and the list length. It cannot change a decision: Redis's list only grows at its tail, loses calls
/// at its head (trimming) and has result labels attached in place (not read from here), so when the newest entry held
/// (found by its random id) is still in the list, the list is what was held up to it, then the calls after it. Otherwise
/// the whole list is read again. The window is cut to Redis's list length, and a session idle for half its timeout is
/// dropped. Bounded in sessions; names and tags only.
/// </summary>
internal sealed class HistoryCache(TimeProvider time)
{
    /// <summary>Sessions held at most per replica.</summary>
    public const int Capacity = 1024;

    /// <summary>How many of the newest calls a later read fetches (more recorded since: the whole list is read).</summary>
    public const int TailRead = 8;

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    /// <summary>What this replica holds for <paramref name="sessionId"/>, when it is still fresh.</summary>
    public Held? Find(string sessionId, SessionLimits limits)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        var held = entry.Read(limits.MaxHistory, Now - Lifetime(limits));
        if (held is null)
        {
            _sessions.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
        }

        return held;
    }

    /// <summary>
    /// The window when <paramref name="tail"/> (Redis's newest calls, read in one snapshot with the list
    /// <paramref name="length"/>) contains the newest call held: the calls after it are appended and kept. Otherwise
    /// <see langword="null"/>, and the caller reads the whole list.
    /// </summary>
    public HistoryWindow? TryExtend(string sessionId, SessionLimits limits, Held held, RedisValue[] tail, long length)
    {
        var at = tail.Length - 1;
        while (at >= 0 && !(HistoryEntry.TryId(Bytes(tail[at]), out var id) && id == held.NewestId))
        {
            at--;
        }

        if (at < 0)
        {
            return null;
        }

        var calls = at == tail.Length - 1 ? [] : tail[(at + 1)..];
        var window = new HistoryWindow(held.Entries, held.Count, calls, (int)Math.Min(limits.MaxHistory, length));
        if (calls.Length == 0)
        {
            held.Entry.Touch(Now);
        }
        else if (HistoryEntry.TryId(Bytes(calls[^1]), out var newest))
        {
            held.Entry.Append(held.NewestId, calls, newest, Now);
        }
        else
        {
            // The newest call has no id (written by an earlier version): it cannot be found next time.
            _sessions.TryRemove(new KeyValuePair<string, Entry>(sessionId, held.Entry));
        }

        return window;
    }

    /// <summary>Keeps a whole list read from Redis (when its newest entry has an id) and returns its window.</summary>
    public HistoryWindow Replace(string sessionId, SessionLimits limits, RedisValue[] calls)
    {
        var window = new HistoryWindow(null, 0, calls, calls.Length);
        if (calls.Length == 0 || !HistoryEntry.TryId(Bytes(calls[^1]), out var newest))
        {
            _sessions.TryRemove(sessionId, out _);
            return window;
        }

        if (_sessions.Count >= Capacity && !_sessions.ContainsKey(sessionId))
        {
            Sweep(limits);
            if (_sessions.Count >= Capacity)
            {
                return window;
            }
        }

        var entry = new Entry(limits.MaxHistory);
        entry.Append(0, calls, newest, Now);
        _sessions[sessionId] = entry;
        return window;
    }

    private static ReadOnlySpan<byte> Bytes(RedisValue call) => ((ReadOnlyMemory<byte>)call).Span;

    private static TimeSpan Lifetime(SessionLimits limits) => limits.IdleTimeout / 2;

    private DateTimeOffset Now => time.GetUtcNow();

    private void Sweep(SessionLimits limits)
    {
        var stale = Now - Lifetime(limits);
        foreach (var (sessionId, entry) in _sessions)
        {
            if (entry.LastUsed < stale)
            {
                _sessions.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
            }
        }
    }

    /// <summary>A session's held calls at one moment: a prefix of <paramref name="Entries"/> that is never written again.</summary>
    internal sealed record Held(Entry Entry, byte[][] Entries, int Count, ulong NewestId);

    /// <summary>One session's calls, append-only: a full array is replaced, never overwritten, so held prefixes stay valid.</summary>
    internal sealed class Entry(int maxHistory)
    {
        private readonly Lock _gate = new();
        private byte[][] _entries = new byte[Math.Max(1, maxHistory) * 2][];
        private int _count;
        private ulong _newest;

        public DateTimeOffset LastUsed { get; private set; }

        public Held? Read(int maxHistory, DateTimeOffset staleBefore)
        {
            lock (_gate)
            {
                return LastUsed < staleBefore || _count == 0 || _entries.Length != Math.Max(1, maxHistory) * 2 ? null : new Held(this, _entries, _count, _newest);
            }
        }

        public void Touch(DateTimeOffset now)
        {
            lock (_gate)
            {
                LastUsed = now;
            }
        }

        /// <summary>Appends <paramref name="calls"/>, which follow the call <paramref name="after"/> (0: the first fill).</summary>
        public void Append(ulong after, RedisValue[] calls, ulong newest, DateTimeOffset now)
        {
            lock (_gate)
            {
                LastUsed = now;
                if (_newest != after)
                {
                    // Another decision of this session already extended it (from the same or a later tail).
                    return;
                }

                var keep = _entries.Length / 2;
                if (_count + calls.Length > _entries.Length)
                {
                    var next = new byte[_entries.Length][];
                    var kept = Math.Min(_count, Math.Max(0, keep - calls.Length));
                    Array.Copy(_entries, _count - kept, next, 0, kept);
                    _entries = next;
                    _count = kept;
                }

                for (var i = Math.Max(0, calls.Length - keep); i < calls.Length; i++)
                {
                    _entries[_count++] = (byte[])calls[i]!;
                }

                _newest = newest;
            }
        }
    }
}
