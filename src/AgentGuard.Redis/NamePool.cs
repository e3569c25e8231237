using System.Collections.Concurrent;
using System.Text;

namespace AgentGuard.Redis;

/// <summary>
/// The tool names and tag lists read back from history entries, decoded once per replica: the same few names recur in
/// every session, so a decision that reads history allocates nothing for them. Bounded: once full, further names are
/// decoded without being kept. Holds no argument or prompt text (entries carry names, tags and ids only). The count is
/// kept with <see cref="Interlocked"/>: reading a concurrent dictionary's count takes all its locks, and once the pool is
/// full every new name (a model can invent them) would do so. Looked up by the UTF-8 bytes themselves: a name seen before
/// is found without decoding it (decoding into a buffer cleared for each look-up cost more than the look-up).
/// </summary>
internal sealed class NamePool
{
    /// <summary>Names and tag lists kept at most, together (each list of tags counts as one).</summary>
    public const int Capacity = 4096;

    /// <summary>Longer names and lists are decoded without being kept.</summary>
    private const int MaxKeptLength = 256;

    private readonly ConcurrentDictionary<byte[], string> _names = new(Utf8KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], string[]> _lists = new(Utf8KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _nameLookup;
    private readonly ConcurrentDictionary<byte[], string[]>.AlternateLookup<ReadOnlySpan<byte>> _listLookup;
    private int _count;

    public NamePool()
    {
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<byte>>();
        _listLookup = _lists.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The UTF-8 <paramref name="utf8"/> as a string, shared when it was seen before.</summary>
    public string Name(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxKeptLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (_nameLookup.TryGetValue(utf8, out var known))
        {
            return known;
        }

        return Keep(_names, utf8, Encoding.UTF8.GetString(utf8));
    }

    /// <summary>
    /// The list joined by <paramref name="separator"/> in <paramref name="utf8"/>, shared when it was seen before. Callers
    /// only read it (the sequence patterns); lists handed to code policies are decoded fresh.
    /// </summary>
    public string[] List(ReadOnlySpan<byte> utf8, byte separator)
    {
        if (utf8.IsEmpty)
        {
            return [];
        }

        if (utf8.Length > MaxKeptLength)
        {
            return Split(utf8, separator);
        }

        if (_listLookup.TryGetValue(utf8, out var known))
        {
            return known;
        }

        return Keep(_lists, utf8, Split(utf8, separator));
    }

    /// <summary>The value already kept for <paramref name="key"/>, or <paramref name="value"/>, kept while the pool has room.</summary>
    private T Keep<T>(ConcurrentDictionary<byte[], T> kept, ReadOnlySpan<byte> key, T value)
        where T : class
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        var shared = kept.GetOrAdd(key.ToArray(), value);
        if (ReferenceEquals(shared, value))
        {
            Interlocked.Increment(ref _count);
        }

        return shared;
    }

    private string[] Split(ReadOnlySpan<byte> utf8, byte separator)
    {
        var list = new string[utf8.Count(separator) + 1];
        for (var i = 0; i < list.Length; i++)
        {
            var end = utf8.IndexOf(separator);
            var item = end < 0 ? utf8 : utf8[..end];
            list[i] = Name(item);
            utf8 = end < 0 ? default : utf8[(end + 1)..];
        }

        return list;
    }
}
