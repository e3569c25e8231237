using System.Collections.Concurrent;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The per-replica near-cache of session histories: the calls already fetched, so a decision asks Redis only for the
/// newest few calls and the list length. It cannot change a decision: what is held is used only while the newest calls
/// extend it without a gap in their sequence numbers (and start right after the newest one held), the window is cut to
/// Redis's list length, and a session idle for half its timeout is dropped. Bounded in sessions; names and tags only.
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
    /// <paramref name="length"/>) extends <paramref name="held"/> without a gap: then it is kept too. Otherwise
    /// <see langword="null"/>, and the caller reads the whole list.
    /// </summary>
    public HistoryWindow? TryExtend(Held held, SessionLimits limits, RedisValue[] tail, long length)
    {
        if (tail.Length == 0 || !HistoryEntry.TrySequence(((ReadOnlyMemory<byte>)tail[^1]).Span, out var newest) || newest < held.Newest)
        {
            return null;
        }

        var added = newest - held.Newest;
        if (added > tail.Length || (added < tail.Length && !Numbered(tail[tail.Length - 1 - (int)added], held.Newest)))
        {
            // More new calls than the tail holds, or the call before the new ones is not the newest one held.
            return null;
        }

        var calls = added == 0 ? [] : tail[^(int)added..];
        if (!Chained(calls, held.Newest))
        {
            return null;
        }

        held.Entry.Append(held.Newest, calls, newest, Now);
        return new HistoryWindow(held.Entries, held.Count, calls, (int)Math.Min(limits.MaxHistory, length));
    }

    /// <summary>Keeps a whole list read from Redis (when its sequence numbers are unbroken) and returns its window.</summary>
    public HistoryWindow Replace(string sessionId, SessionLimits limits, RedisValue[] calls)
    {
        var window = new HistoryWindow(null, 0, calls, calls.Length);
        if (calls.Length == 0 || !HistoryEntry.TrySequence(((ReadOnlyMemory<byte>)calls[0]).Span, out var first) || !Chained(calls, first - 1))
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
        entry.Append(first - 1, calls, first - 1 + calls.Length, Now);
        _sessions[sessionId] = entry;
        return window;
    }

    private static TimeSpan Lifetime(SessionLimits limits) => limits.IdleTimeout / 2;

    /// <summary>True when <paramref name="calls"/> are numbered <paramref name="after"/> + 1, + 2, … without a gap.</summary>
    private static bool Chained(RedisValue[] calls, long after)
    {
        for (var i = 0; i < calls.Length; i++)
        {
            if (!HistoryEntry.TrySequence(((ReadOnlyMemory<byte>)calls[i]).Span, out var sequence) || sequence != after + 1 + i)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Numbered(RedisValue call, long sequence)
        => HistoryEntry.TrySequence(((ReadOnlyMemory<byte>)call).Span, out var found) && found == sequence;

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
    internal sealed record Held(Entry Entry, byte[][] Entries, int Count, long Newest);

    /// <summary>One session's calls, append-only: a full array is replaced, never overwritten, so held prefixes stay valid.</summary>
    internal sealed class Entry(int maxHistory)
    {
        private readonly Lock _gate = new();
        private byte[][] _entries = new byte[Math.Max(1, maxHistory) * 2][];
        private int _count;
        private long _newest;

        public DateTimeOffset LastUsed { get; private set; }

        public Held? Read(int maxHistory, DateTimeOffset staleBefore)
        {
            lock (_gate)
            {
                return LastUsed < staleBefore || _entries.Length != Math.Max(1, maxHistory) * 2 ? null : new Held(this, _entries, _count, _newest);
            }
        }

        public void Append(long after, RedisValue[] calls, long newest, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_newest != after && _count > 0)
                {
                    // Another decision of this session extended it first; what it appended is the same calls.
                    LastUsed = now;
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

                var start = Math.Max(0, calls.Length - keep);
                for (var i = start; i < calls.Length; i++)
                {
                    _entries[_count++] = (byte[])calls[i]!;
                }

                _newest = newest;
                LastUsed = now;
            }
        }
    }
}
