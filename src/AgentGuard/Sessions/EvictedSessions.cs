using System.Collections.Concurrent;
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
/// array, about 80 bytes. Sessions that expire idle are not remembered: forgetting them after
/// <see cref="SessionLimits.IdleTimeout"/> is the documented behaviour.
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

    /// <summary>One bounded first-in-first-out set of evicted sessions.</summary>
    private sealed class Remembered
    {
        private readonly ConcurrentDictionary<ulong, Entry> _entries = new();
        private readonly ConcurrentQueue<(ulong Key, Entry Entry)> _order = new();
        private int _count;
        private int _queued;

        public int Count => Volatile.Read(ref _count);

        public int Queued => Volatile.Read(ref _queued);

        public void Add(ulong key, string[] labels, int capacity)
        {
            var entry = new Entry(labels);
            if (_entries.TryAdd(key, entry))
            {
                Interlocked.Increment(ref _count);
            }
            else
            {
                // Every entry has its place in the queue, so even a count a race left low cannot let the entries pass
                // twice the capacity.
                _entries[key] = entry;
            }

            _order.Enqueue((key, entry));
            Interlocked.Increment(ref _queued);

            // Forget the oldest beyond the capacity. The queue also holds entries already recalled or replaced (removing
            // them does nothing, as they are matched by entry, not only by key); it is kept to twice the capacity, so a
            // session evicted and recalled over and over cannot grow it.
            while ((Volatile.Read(ref _count) > capacity || Volatile.Read(ref _queued) > 2 * capacity) && _order.TryDequeue(out var oldest))
            {
                Interlocked.Decrement(ref _queued);
                if (_entries.TryRemove(KeyValuePair.Create(oldest.Key, oldest.Entry)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }

        public string[]? Take(ulong key)
        {
            if (!_entries.TryRemove(key, out var entry))
            {
                return null;
            }

            Interlocked.Decrement(ref _count);
            return entry.Labels;
        }

        /// <summary>A remembered eviction; compared by reference, so a stale queue entry never removes a newer one.</summary>
        private sealed class Entry(string[] labels)
        {
            public string[] Labels { get; } = labels;
        }
    }
}
