using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AgentGuard.Infrastructure;

/// <summary>
/// A thread-safe cache that stops taking entries at a capacity; once full, a miss is computed by the caller and not kept.
/// The count is kept with <see cref="Interlocked"/>: <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every
/// lock of the dictionary (up to 1,024), so checking it on each miss made every call with a never-seen key — a model
/// inventing tool names — pay for all of them once the cache was full.
/// </summary>
/// <typeparam name="TKey">The key; a struct key keeps the dictionary's code specialised for it.</typeparam>
/// <typeparam name="TValue">The cached value.</typeparam>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    /// <summary>Entries kept (never more than the capacity, give or take the threads adding at that moment).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries in the dictionary (reads all its locks: for tests, never on the decision path).</summary>
    internal int EntryCount => _entries.Count;

    /// <summary>The value cached for <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> unless the key is there already or the cache is full.</summary>
    public void TryAdd(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) < capacity && _entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
