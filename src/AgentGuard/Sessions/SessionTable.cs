namespace AgentGuard.Policies;

/// <summary>
/// The live sessions of a <see cref="SessionStore"/> by id: each session sits in a slot of one array, and the hash
/// buckets and chains hold slot numbers, not references. Lookups take no lock; adding and removing take one lock.
/// </summary>
/// <remarks>
/// <para>
/// Why slots: the collector has to mark every new session through whatever old object refers to it. A dictionary's
/// bucket array refers to its new entries in random order (one cache miss each while the collector marks them), and
/// each entry is an object of its own. Here the only references to sessions are the slots, and a session created at
/// the limit takes the slot of the one just evicted (the oldest, at the CLOCK hand), so new sessions are referred to
/// nearly in the order they were made, and there is no entry object. Integer buckets and chains are not scanned at all.
/// A chain is walked in <see cref="Arrays.Links"/> (each slot's id hash and next slot side by side), so a step that does
/// not match reads one array element, not the slot and the session it holds.
/// </para>
/// <para>
/// A lookup without the lock may walk a chain while a slot is freed and taken by another session; it then may miss (or
/// give up after <see cref="MaxSteps"/> steps), never answer a wrong session: it compares the id of what it finds. Every
/// miss is confirmed under the lock (<see cref="FindLocked"/>, <see cref="GetOrAdd"/>). The slot array never shrinks.
/// </para>
/// </remarks>
internal sealed class SessionTable
{
    /// <summary>Chain steps a lookup without the lock takes at most before it reports a miss (confirmed under the lock).</summary>
    internal const int MaxSteps = 32;

    private const int InitialSlots = 64;

    private readonly Lock _gate = new();
    private Arrays _arrays = new(InitialSlots);
    private int[] _free = new int[InitialSlots];
    private int _freeCount;
    private int _used;
    private int _count;

    /// <summary>Sessions in the table (for tests and the store's checks; read without the lock).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Slots allocated (for tests: bounded by the most sessions held at once, rounded up to a power of two).</summary>
    internal int SlotCapacity => Volatile.Read(ref _arrays).Slots.Length;

    /// <summary>The session with this id, or null — without the lock, so a null may be a miss during a change (see the remarks).</summary>
    public SessionState? Find(string id, int hash)
    {
        var arrays = Volatile.Read(ref _arrays);
        var at = Volatile.Read(ref arrays.Buckets[hash & arrays.Mask]);
        for (var steps = 0; at != 0 && steps < MaxSteps; steps++)
        {
            if ((uint)(at - 1) >= (uint)arrays.Slots.Length)
            {
                return null;
            }

            ref var link = ref arrays.Links[at - 1];
            if (Volatile.Read(ref link.Hash) == hash
                && Volatile.Read(ref arrays.Slots[at - 1]) is { } state
                && state.IdHash == hash
                && string.Equals(state.Id, id, StringComparison.Ordinal))
            {
                return state;
            }

            at = Volatile.Read(ref link.Next);
        }

        return null;
    }

    /// <summary>The session with this id, or null: exact (under the lock).</summary>
    public SessionState? FindLocked(string id, int hash)
    {
        lock (_gate)
        {
            return FindHeld(id, hash);
        }
    }

    /// <summary>The session already held with <paramref name="created"/>'s id, else <paramref name="created"/> added.</summary>
    public SessionState GetOrAdd(SessionState created)
    {
        lock (_gate)
        {
            if (FindHeld(created.Id, created.IdHash) is { } existing)
            {
                return existing;
            }

            var slot = TakeSlot();
            var arrays = _arrays;
            ref var bucket = ref arrays.Buckets[created.IdHash & arrays.Mask];
            created.TableSlot = slot;
            Volatile.Write(ref arrays.Links[slot].Hash, created.IdHash);
            Volatile.Write(ref arrays.Links[slot].Next, bucket);
            Volatile.Write(ref arrays.Slots[slot], created);
            Volatile.Write(ref bucket, slot + 1);
            Volatile.Write(ref _count, _count + 1);
            return created;
        }
    }

    /// <summary>Removes <paramref name="state"/> if the table holds it (false when it was removed already).</summary>
    public bool TryRemove(SessionState state)
    {
        lock (_gate)
        {
            var arrays = _arrays;
            var slot = state.TableSlot;
            if ((uint)slot >= (uint)arrays.Slots.Length || !ReferenceEquals(arrays.Slots[slot], state))
            {
                return false;
            }

            // Unlink it; its own link is left as it was, so a lookup standing on it walks on to the rest of its chain.
            ref var link = ref arrays.Buckets[state.IdHash & arrays.Mask];
            while (link != slot + 1)
            {
                link = ref arrays.Links[link - 1].Next;
            }

            Volatile.Write(ref link, arrays.Links[slot].Next);
            Volatile.Write(ref arrays.Slots[slot], null);
            _free[_freeCount++] = slot;
            Volatile.Write(ref _count, _count - 1);
            return true;
        }
    }

    /// <summary>The sessions held now (a snapshot of the slots, read without the lock; may include one being removed).</summary>
    public IEnumerable<SessionState> Snapshot()
    {
        var slots = Volatile.Read(ref _arrays).Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is { } state)
            {
                yield return state;
            }
        }
    }

    private SessionState? FindHeld(string id, int hash)
    {
        var arrays = _arrays;
        for (var at = arrays.Buckets[hash & arrays.Mask]; at != 0; at = arrays.Links[at - 1].Next)
        {
            if (arrays.Links[at - 1].Hash == hash && arrays.Slots[at - 1] is { } state && string.Equals(state.Id, id, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>
    /// A free slot: the one freed last (at the limit, the evicted session's, so new sessions fill the slots in about the
    /// order the CLOCK hand frees them), else the next never used; the arrays double when all are used. Lock held.
    /// </summary>
    private int TakeSlot()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_used == _arrays.Slots.Length)
        {
            Grow();
        }

        return _used++;
    }

    /// <summary>
    /// Doubles slots and buckets and rechains every session. A lookup without the lock that walks the old arrays meanwhile
    /// may miss (then it asks under the lock); it never finds a wrong session. Lock held.
    /// </summary>
    private void Grow()
    {
        var old = _arrays;
        var grown = new Arrays(old.Slots.Length * 2);
        for (var i = 0; i < old.Slots.Length; i++)
        {
            if (old.Slots[i] is { } state)
            {
                ref var bucket = ref grown.Buckets[state.IdHash & grown.Mask];
                grown.Links[i] = new Link { Hash = state.IdHash, Next = bucket };
                grown.Slots[i] = state;
                bucket = i + 1;
            }
        }

        Array.Resize(ref _free, grown.Slots.Length);
        Volatile.Write(ref _arrays, grown);
    }

    /// <summary>A slot's place in its chain; read without the lock, so a reader may see a slot's old and new values mixed (it then compares the id).</summary>
    private struct Link
    {
        public int Hash;
        public int Next;
    }

    /// <summary>Slots and buckets of one size (a power of two), swapped as one when the table grows.</summary>
    private sealed class Arrays(int size)
    {
        public readonly SessionState?[] Slots = new SessionState?[size];

        /// <summary>Per bucket, the first slot of its chain plus one (0: empty).</summary>
        public readonly int[] Buckets = new int[size];

        /// <summary>Per slot, the id hash of its session and the next slot of its chain plus one (0: the end).</summary>
        public readonly Link[] Links = new Link[size];

        public readonly int Mask = size - 1;
    }
}
