using System.Runtime.CompilerServices;
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
/// out what a tainted one left behind; to do that a caller must taint as many sessions as the limit. Both are kept in
/// one table (a new session is looked up once), each in its own forgetting order. Each costs a keyed 64-bit hash of its
/// id (keyed per store, so ids cannot be chosen to collide) and a reference to its label array: 24 bytes in an
/// open-addressed table kept at most half full, plus 16 in its forgetting order (64–112 bytes in arrays), with no
/// object of its own; one that comes back is forgotten and cannot age out the others however
/// often it is evicted again. Sessions that expire idle are not remembered: forgetting
/// them after <see cref="SessionLimits.IdleTimeout"/> is the documented behaviour.
/// </remarks>
internal sealed class EvictedSessions(SeenValueHasher hasher)
{
    private readonly Lock _gate = new();
    private readonly Table _entries = new();
    private readonly Order _labelled = new();
    private readonly Order _clean = new();
    private long _order;
    private int _count;

    /// <summary>Evicted sessions remembered now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Keys in the forgetting orders, including ones already recalled (for tests: bounded by twice the capacity each).</summary>
    internal int QueuedKeys
    {
        get
        {
            lock (_gate)
            {
                return _labelled.Size + _clean.Size;
            }
        }
    }

    /// <summary>Remembers an evicted session's labels, forgetting the oldest remembered of its kind beyond <paramref name="capacity"/>.</summary>
    public void Remember(string sessionId, string[] labels, int capacity)
    {
        var key = Key(sessionId);
        lock (_gate)
        {
            ref var entry = ref _entries.GetOrAdd(key, out var replaced);
            if (replaced)
            {
                // Remembered before (its slot in the order it was in no longer matches and is dropped as that order turns).
                OrderOf(entry.Labels).Live--;
            }

            var order = ++_order;
            var kind = OrderOf(labels);
            entry.Order = order;
            entry.Labels = labels;
            kind.Live++;

            // Forget the oldest of this kind beyond the capacity. An order also holds keys recalled or remembered again
            // since (their order no longer matches): they are dropped as it turns, never counted, so a session evicted and
            // recalled over and over cannot age out what others left.
            while (kind.Live > capacity && kind.Size > 0)
            {
                Forget(kind);
            }

            kind.Append(key, order, capacity, this);
            Volatile.Write(ref _count, _entries.Count);
        }
    }

    /// <summary>The labels a session had when it was evicted, or null when it was not (or is no longer) remembered; forgets it.</summary>
    public string[]? Recall(string sessionId)
    {
        if (Count == 0)
        {
            return null;
        }

        var key = Key(sessionId);
        lock (_gate)
        {
            if (!_entries.Remove(key, order: 0, out var entry))
            {
                return null;
            }

            OrderOf(entry.Labels).Live--;
            Volatile.Write(ref _count, _entries.Count);
            return entry.Labels;
        }
    }

    private ulong Key(string sessionId) => hasher.SipHash24(MemoryMarshal.AsBytes(sessionId.AsSpan()));

    private Order OrderOf(string[] labels) => labels.Length > 0 ? _labelled : _clean;

    /// <summary>True when <paramref name="key"/> is still remembered as it was at <paramref name="order"/>.</summary>
    private bool IsCurrent(ulong key, long order)
    {
        ref var entry = ref _entries.Find(key);
        return !Unsafe.IsNullRef(ref entry) && entry.Order == order;
    }

    /// <summary>Drops the oldest key of <paramref name="kind"/>, forgetting the session if that key is still current.</summary>
    private void Forget(Order kind)
    {
        var (key, order) = kind.Dequeue();
        if (_entries.Remove(key, order, out _))
        {
            kind.Live--;
        }
    }

    /// <summary>
    /// The remembered sessions by key: open addressing with linear probing in one array of structs, at most half full, so
    /// a look-up usually reads one cache line (a dictionary reads its bucket, then its entry); a removal shifts the
    /// entries after it back (no tombstones). An entry is in use when its order is not 0 (orders start at 1). Guarded
    /// by the owner's lock.
    /// </summary>
    private sealed class Table
    {
        private Entry[] _slots = new Entry[16];

        public int Count { get; private set; }

        /// <summary>The entry of <paramref name="key"/>, or a null reference.</summary>
        public ref Entry Find(ulong key)
        {
            var mask = _slots.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                ref var entry = ref _slots[i];
                if (entry.Order == 0)
                {
                    return ref Unsafe.NullRef<Entry>();
                }

                if (entry.Key == key)
                {
                    return ref entry;
                }
            }
        }

        /// <summary>The entry of <paramref name="key"/>, added if absent (the caller then sets its order before anything else).</summary>
        public ref Entry GetOrAdd(ulong key, out bool existed)
        {
            if ((Count + 1) * 2 > _slots.Length)
            {
                Grow();
            }

            var mask = _slots.Length - 1;
            for (var i = Home(key, mask); ; i = (i + 1) & mask)
            {
                ref var entry = ref _slots[i];
                if (entry.Order == 0)
                {
                    entry.Key = key;
                    Count++;
                    existed = false;
                    return ref entry;
                }

                if (entry.Key == key)
                {
                    existed = true;
                    return ref entry;
                }
            }
        }

        /// <summary>Removes the entry of <paramref name="key"/> if it is there and, unless <paramref name="order"/> is 0, was added at that order.</summary>
        public bool Remove(ulong key, long order, out Entry removed)
        {
            var mask = _slots.Length - 1;
            var at = Home(key, mask);
            while (_slots[at].Order != 0 && _slots[at].Key != key)
            {
                at = (at + 1) & mask;
            }

            removed = _slots[at];
            if (removed.Order == 0 || (order != 0 && removed.Order != order))
            {
                return false;
            }

            // Shift back each following entry of the run that may sit at the freed place (its home is not after it).
            for (var next = (at + 1) & mask; _slots[next].Order != 0; next = (next + 1) & mask)
            {
                var home = Home(_slots[next].Key, mask);
                var stays = at <= next ? at < home && home <= next : at < home || home <= next;
                if (!stays)
                {
                    _slots[at] = _slots[next];
                    at = next;
                }
            }

            _slots[at] = default;
            Count--;
            return true;
        }

        private static int Home(ulong key, int mask) => (int)key & mask;

        private void Grow()
        {
            var old = _slots;
            _slots = new Entry[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var entry in old)
            {
                if (entry.Order != 0)
                {
                    var i = Home(entry.Key, mask);
                    while (_slots[i].Order != 0)
                    {
                        i = (i + 1) & mask;
                    }

                    _slots[i] = entry;
                }
            }
        }
    }

    /// <summary>A remembered session: the key of its id, the order it was remembered at (0: a free entry), its labels.</summary>
    private struct Entry
    {
        public ulong Key;
        public long Order;
        public string[] Labels;
    }

    /// <summary>
    /// One kind's forgetting order, oldest first: a ring of keys with the order each was remembered at, in an array, so
    /// remembering a session allocates nothing once it has grown. Guarded by the owner's lock.
    /// </summary>
    private sealed class Order
    {
        private (ulong Key, long Order)[] _ring = [];
        private int _head;

        /// <summary>Sessions of this kind remembered now.</summary>
        public int Live { get; set; }

        /// <summary>Keys in the ring, including stale ones.</summary>
        public int Size { get; private set; }

        public (ulong Key, long Order) Dequeue()
        {
            var slot = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            Size--;
            return slot;
        }

        /// <summary>Appends a key; kept to twice the capacity: past that the stale keys are dropped, so the ring cannot grow with churn.</summary>
        public void Append(ulong key, long order, int capacity, EvictedSessions owner)
        {
            if (Size == _ring.Length && _ring.Length > 0 && _ring.Length >= 2 * capacity)
            {
                Compact(owner);
            }

            if (Size == _ring.Length)
            {
                Grow(capacity);
            }

            _ring[(_head + Size) % _ring.Length] = (key, order);
            Size++;
        }

        /// <summary>Keeps only the keys still remembered with the same order, oldest first, in place.</summary>
        private void Compact(EvictedSessions owner)
        {
            var kept = 0;
            for (var i = 0; i < Size; i++)
            {
                var slot = _ring[(_head + i) % _ring.Length];
                if (owner.IsCurrent(slot.Key, slot.Order))
                {
                    _ring[(_head + kept++) % _ring.Length] = slot;
                }
            }

            for (var i = kept; i < Size; i++)
            {
                _ring[(_head + i) % _ring.Length] = default;
            }

            Size = kept;
        }

        /// <summary>Doubles the ring (up to twice the capacity), oldest first from position 0.</summary>
        private void Grow(int capacity)
        {
            var grown = new (ulong, long)[Math.Max(_ring.Length + 1, Math.Min(2 * capacity, Math.Max(16, _ring.Length * 2)))];
            for (var i = 0; i < Size; i++)
            {
                grown[i] = _ring[(_head + i) % _ring.Length];
            }

            _ring = grown;
            _head = 0;
        }
    }
}
