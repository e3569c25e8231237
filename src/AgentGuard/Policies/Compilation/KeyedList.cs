namespace AgentGuard.Policies;

/// <summary>
/// A short, bounded list of (key, value) pairs kept on a <see cref="CandidateSet"/> (the rules per set of session values,
/// the decisions per deciding rules, the variants per event tag), found by a vectorised search of the keys' hashes —
/// an array of integers, a few cache lines — and an in-place comparison of the key whose hash agrees. A dictionary
/// would copy the key, follow a bucket and a node, and hash with the string hash; these lists hold at most a few dozen
/// entries, so a hash that reads only a few characters of each string is enough (a poor spread costs comparisons, never
/// a wrong answer: a value is returned only for a key that compares equal).
/// </summary>
/// <remarks>
/// Thread-safe without locks: the hashes and pairs are published together as one immutable snapshot (copy on write,
/// compare-exchange) and never changed afterwards. Adding copies the list, so it suits lists that stop growing early.
/// </remarks>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The value kept for it.</typeparam>
internal sealed class KeyedList<TKey, TValue>(int capacity)
    where TKey : struct, IInlineKey<TKey>
    where TValue : class
{
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Pairs kept (never more than the capacity).</summary>
    public int Count => Volatile.Read(ref _snapshot).Hashes.Length;

    /// <summary>True when no more pairs are taken.</summary>
    public bool IsFull => Count >= capacity;

    /// <summary>The value kept for <paramref name="key"/>, or null.</summary>
    public TValue? Find(in TKey key)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var hashes = snapshot.Hashes.AsSpan();
        var hash = key.Hash();
        var at = 0;
        while (hashes[at..].IndexOf(hash) is >= 0 and var found)
        {
            at += found;
            ref readonly var entry = ref snapshot.Entries[at];
            if (entry.Key.SameAs(in key))
            {
                return entry.Value;
            }

            at++;
        }

        return null;
    }

    /// <summary>Keeps the pair unless the key is kept already; false when the list is full.</summary>
    public bool TryAdd(in TKey key, TValue value)
    {
        var hash = key.Hash();
        while (true)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            for (var i = 0; i < snapshot.Entries.Length; i++)
            {
                if (snapshot.Hashes[i] == hash && snapshot.Entries[i].Key.SameAs(in key))
                {
                    return true;
                }
            }

            if (snapshot.Entries.Length >= capacity)
            {
                return false;
            }

            var hashes = new int[snapshot.Hashes.Length + 1];
            var entries = new (TKey Key, TValue Value)[hashes.Length];
            snapshot.Hashes.CopyTo(hashes, 0);
            snapshot.Entries.CopyTo(entries, 0);
            hashes[^1] = hash;
            entries[^1] = (key, value);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _snapshot, new Snapshot(hashes, entries), snapshot), snapshot))
            {
                return true;
            }
        }
    }

    /// <summary>The hashes and the pairs, index for index; immutable once published.</summary>
    private sealed class Snapshot(int[] hashes, (TKey Key, TValue Value)[] entries)
    {
        public static readonly Snapshot Empty = new([], []);

        public int[] Hashes { get; } = hashes;

        public (TKey Key, TValue Value)[] Entries { get; } = entries;
    }
}
