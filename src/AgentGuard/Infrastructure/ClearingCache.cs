using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AgentGuard.Infrastructure;

/// <summary>
/// A thread-safe cache whose entries can be replaced, emptied whole when it reaches its capacity (cheaper than tracking
/// an order, and what is used again comes back at once). The count is kept with <see cref="Interlocked"/>, as in
/// <see cref="BoundedCache{TKey, TValue}"/>: reading <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> on every
/// miss took every lock of the dictionary, so a caller sending text never seen before (a URL, an SQL statement) paid for
/// all of them on each call.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The cached value.</typeparam>
internal sealed class ClearingCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    /// <summary>Entries added since the cache was last emptied (never more than the capacity, give or take the threads adding at that moment).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The value cached for <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Caches <paramref name="value"/> for <paramref name="key"/>, replacing what was there; empties the cache first when it is full.</summary>
    public void Set(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _entries[key] = value;
        }
    }
}
