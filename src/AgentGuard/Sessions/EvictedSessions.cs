using System.Runtime.InteropServices;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// The labels of sessions evicted at <see cref="SessionLimits.MaxSessions"/>, so a session cannot shed its taint by
/// being pushed out: when it comes back it starts with the labels it had plus <see cref="SessionLabels.Evicted"/>
/// (its history and seen values are gone, and rules can say what that means). Without this, a caller able to open many
/// sessions could launder one — read an untrusted page, open sessions until it is evicted, then send.
/// </summary>
/// <remarks>
/// Bounded: sessions evicted with labels and sessions evicted without are remembered apart, up to
/// <see cref="SessionLimits.MaxSessions"/> each, the oldest forgotten first — so a flood of clean sessions cannot push
/// out what a tainted one left behind; to do that a caller must taint as many sessions as the limit. Each costs a
/// keyed 64-bit hash of its id (keyed per store, so ids cannot be chosen to collide) and a reference to its label
/// array, about 85 bytes in arrays (measured), with no object of its own; one that comes back is forgotten and cannot
/// age out the others however often it is evicted again. Sessions that expire idle are not remembered: forgetting
/// them after <see cref="SessionLimits.IdleTimeout"/> is the documented behaviour.
/// </remarks>
internal sealed class EvictedSessions(SeenValueHasher hasher)
{
    private readonly Remembered _labelled = new();
    private readonly Remembered _clean = new();

    /// <summary>Evicted sessions remembered now.</summary>
    public int Count => _labelled.Count + _clean.Count;

    /// <summary>Keys in the forgetting orders, including ones already recalled (for tests: bounded by twice the capacity each).</summary>
    internal int QueuedKeys => _labelled.Queued + _clean.Queued;

    /// <summary>Remembers an evicted session's labels, forgetting the oldest remembered beyond <paramref name="capacity"/>.</summary>
    public void Remember(string sessionId, string[] labels, int capacity)
    {
        var key = Key(sessionId);
        (labels.Length > 0 ? _labelled : _clean).Add(key, labels, capacity);
    }

    /// <summary>The labels a session had when it was evicted, or null when it was not (or is no longer) remembered; forgets it.</summary>
    public string[]? Recall(string sessionId)
    {
        if (Count == 0)
        {
            return null;
        }

        var key = Key(sessionId);
        return _labelled.Take(key) ?? _clean.Take(key);
    }

    private ulong Key(string sessionId) => hasher.SipHash24(MemoryMarshal.AsBytes(sessionId.AsSpan()));

    /// <summary>
    /// One bounded first-in-first-out set of evicted sessions, held in arrays (a dictionary of structs and a ring of
    /// keys): remembering a session allocates nothing once the arrays have grown, so a store at its session limit does
    /// not hand the garbage collector two more long-lived objects per new session to promote.
    /// </summary>
    private sealed class Remembered
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<ulong, (long Order, string[] Labels)> _entries = [];
        private (ulong Key, long Order)[] _ring = [];
        private int _head;
        private int _size;
        private long _order;
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Keys in the forgetting order, including ones already recalled or replaced (never more than twice the capacity).</summary>
        public int Queued
        {
            get
            {
                lock (_gate)
                {
                    return _size;
                }
            }
        }

        public void Add(ulong key, string[] labels, int capacity)
        {
            lock (_gate)
            {
                var order = ++_order;
                _entries[key] = (order, labels);

                // Forget the oldest remembered beyond the capacity. The ring also holds keys recalled or remembered again
                // since (their order no longer matches): they are dropped as the ring turns, never counted, so a session
                // evicted and recalled over and over cannot age out what others left.
                while (_entries.Count > capacity && _size > 0)
                {
                    Forget();
                }

                // Kept to twice the capacity: past that the stale keys are dropped, so the ring cannot grow with churn.
                if (_size == _ring.Length && _ring.Length > 0 && _ring.Length >= 2 * capacity)
                {
                    Compact();
                }

                if (_size == _ring.Length)
                {
                    Grow(capacity);
                }

                _ring[(_head + _size) % _ring.Length] = (key, order);
                _size++;
                Volatile.Write(ref _count, _entries.Count);
            }
        }

        public string[]? Take(ulong key)
        {
            lock (_gate)
            {
                if (!_entries.Remove(key, out var entry))
                {
                    return null;
                }

                Volatile.Write(ref _count, _entries.Count);
                return entry.Labels;
            }
        }

        private void Forget()
        {
            var (key, order) = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            _size--;
            if (_entries.TryGetValue(key, out var entry) && entry.Order == order)
            {
                _entries.Remove(key);
            }
        }

        /// <summary>Keeps only the ring's keys still remembered with the same order, oldest first, in place.</summary>
        private void Compact()
        {
            var kept = 0;
            for (var i = 0; i < _size; i++)
            {
                var slot = _ring[(_head + i) % _ring.Length];
                if (_entries.TryGetValue(slot.Key, out var entry) && entry.Order == slot.Order)
                {
                    _ring[(_head + kept++) % _ring.Length] = slot;
                }
            }

            for (var i = kept; i < _size; i++)
            {
                _ring[(_head + i) % _ring.Length] = default;
            }

            _size = kept;
        }

        /// <summary>Doubles the ring (up to twice the capacity), oldest first from position 0.</summary>
        private void Grow(int capacity)
        {
            var grown = new (ulong, long)[Math.Max(_ring.Length + 1, Math.Min(2 * capacity, Math.Max(16, _ring.Length * 2)))];
            for (var i = 0; i < _size; i++)
            {
                grown[i] = _ring[(_head + i) % _ring.Length];
            }

            _ring = grown;
            _head = 0;
        }
    }
}
