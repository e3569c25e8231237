using System.Collections.Concurrent;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The per-replica near-cache of session histories: the calls already fetched, so a decision asks Redis only for the
/// newest few. It cannot change a decision: Redis's list only grows at its tail, each append followed by a trim at its head
/// (to the length the entry's stamp names; reads take the newest calls, so one not yet applied changes nothing), and has
/// result labels attached in place (not read from here). So when the newest entry held (found by its random id) is among
/// the newest calls, those are what was held up to it, cut by the trims each later entry names, then the later entries. Otherwise the whole list is read again.
/// A session idle for half its timeout is dropped. Bounded in sessions; names and tags only.
/// </summary>
internal sealed class HistoryCache(TimeProvider time)
{
    /// <summary>Sessions held at most per replica.</summary>
    public const int Capacity = 1024;

    /// <summary>The most of the newest calls a later read fetches (more recorded since: the whole list is read).</summary>
    public const int TailRead = 8;

    /// <summary>
    /// How many of the newest calls a read of <paramref name="held"/> fetches: the calls this replica recorded for the
    /// session since its last read, the newest call held (to find it), and one more for a call another replica may have
    /// recorded meanwhile — so a session served by one replica gets back only what it needs (most decisions: three
    /// entries, not <see cref="TailRead"/>). Counting is only a guess at the length: a tail that misses the newest call
    /// held is read whole again, so it changes the cost of a read, never what it returns.
    /// </summary>
    public static int TailLength(in Held held) => Math.Min(TailRead, held.Entry.TakeRecorded() + 2);

    /// <summary>
    /// Counts a call this replica records for <paramref name="sessionId"/> (when its history is held); returns the
    /// session's history key when it is held (null otherwise), so the record need not build it again.
    /// </summary>
    public RedisKey? Recorded(string sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var entry))
        {
            entry.Recorded();
            return entry.Key;
        }

        return null;
    }

    /// <summary>
    /// Counts <paramref name="calls"/> of this replica again for the next read of <paramref name="sessionId"/>: their records
    /// had not gone out when this read did, so the next tail must reach past them.
    /// </summary>
    public void Unread(string sessionId, int calls)
    {
        if (_sessions.TryGetValue(sessionId, out var entry))
        {
            entry.Recorded(calls);
        }
    }

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
    /// The window when <paramref name="tail"/> (Redis's newest calls, one LRANGE) contains the newest call held and
    /// every call after it is stamped: those calls are appended and kept. Otherwise <see langword="null"/>, and the
    /// caller reads the whole list.
    /// </summary>
    public HistoryWindow? TryExtend(string sessionId, SessionLimits limits, in Held held, RedisValue[] tail)
    {
        var at = tail.Length - 1;
        while (at >= 0 && !(HistoryEntry.TryStamp(Bytes(tail[at]), out var id, out _) && id == held.NewestId))
        {
            at--;
        }

        if (at < 0)
        {
            return null;
        }

        // What Redis's list holds, cut to what this decision reads: each later append trimmed the list to its stamp.
        var length = held.Length;
        var newest = held.NewestId;
        for (var i = at + 1; i < tail.Length; i++)
        {
            if (!HistoryEntry.TryStamp(Bytes(tail[i]), out newest, out var keeps))
            {
                // Written by an earlier version: how far it trimmed is unknown.
                _sessions.TryRemove(new KeyValuePair<string, Entry>(sessionId, held.Entry));
                return null;
            }

            length = Math.Min(Math.Min(limits.MaxHistory, length + 1), keeps);
        }

        held.Entry.Append(held.NewestId, tail, at + 1, newest, length, Now);
        return new HistoryWindow(held.Entries, held.Count, tail, at + 1, length);
    }

    /// <summary>Keeps a whole list read from Redis (when its newest entry has an id) and returns its window.</summary>
    public HistoryWindow Replace(string sessionId, RedisKey key, SessionLimits limits, RedisValue[] calls)
    {
        var window = new HistoryWindow(null, 0, calls, 0, calls.Length);
        if (calls.Length == 0 || !HistoryEntry.TryStamp(Bytes(calls[^1]), out var newest, out _))
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

        var entry = new Entry(limits.MaxHistory, key);
        entry.Append(0, calls, 0, newest, calls.Length, Now);
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

    /// <summary>
    /// A session's held calls at one moment: a prefix of <paramref name="Entries"/> that is never written again, of which
    /// the last <paramref name="Length"/> are in Redis's list (as far as a read of <c>MaxHistory</c> calls sees).
    /// </summary>
    internal readonly record struct Held(Entry Entry, byte[][] Entries, int Count, ulong NewestId, int Length);

    /// <summary>One session's calls, append-only: a full array is replaced, never overwritten, so held prefixes stay valid.</summary>
    /// <param name="maxHistory">The session's history limit when it was read.</param>
    /// <param name="key">The session's history key (built once per session, not per read and record).</param>
    internal sealed class Entry(int maxHistory, RedisKey key)
    {
        private readonly Lock _gate = new();
        private byte[][] _entries = new byte[Math.Max(1, maxHistory) * 2][];
        private int _count;
        private ulong _newest;
        private int _length;
        private int _recordedSince;

        public DateTimeOffset LastUsed { get; private set; }

        public RedisKey Key { get; } = key;

        /// <summary>Counts a call this replica recorded for the session since its last read.</summary>
        public void Recorded(int calls = 1) => Interlocked.Add(ref _recordedSince, calls);

        /// <summary>The calls counted by <see cref="Recorded"/> since the last take; starts the count again.</summary>
        public int TakeRecorded() => Interlocked.Exchange(ref _recordedSince, 0);

        public Held? Read(int maxHistory, DateTimeOffset staleBefore)
        {
            lock (_gate)
            {
                return LastUsed < staleBefore || _count == 0 || _entries.Length != Math.Max(1, maxHistory) * 2 ? null : new Held(this, _entries, _count, _newest, _length);
            }
        }

        /// <summary>
        /// Appends <paramref name="calls"/> from <paramref name="start"/>, which follow the call <paramref name="after"/>
        /// (0: the first fill), the last <paramref name="length"/> calls now being those in Redis's list.
        /// </summary>
        public void Append(ulong after, RedisValue[] calls, int start, ulong newest, int length, DateTimeOffset now)
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
                var added = calls.Length - start;
                if (_count + added > _entries.Length)
                {
                    var next = new byte[_entries.Length][];
                    var kept = Math.Min(_count, Math.Max(0, keep - added));
                    Array.Copy(_entries, _count - kept, next, 0, kept);
                    _entries = next;
                    _count = kept;
                }

                for (var i = Math.Max(start, calls.Length - keep); i < calls.Length; i++)
                {
                    _entries[_count++] = (byte[])calls[i]!;
                }

                _newest = newest;
                _length = length;
            }
        }
    }
}
