using System.Collections.Concurrent;
using System.Text;

namespace AgentGuard.Redis;

/// <summary>
/// The tool names and tag lists read back from history entries, decoded once per replica: the same few names recur in
/// every session, so a decision that reads history allocates nothing for them. Bounded: once full, further names are
/// decoded without being kept. Holds no argument or prompt text (entries carry names, tags and ids only). The count is
/// kept with <see cref="Interlocked"/>: reading a concurrent dictionary's count takes all its locks, and once the pool is
/// full every new name (a model can invent them) would do so.
/// </summary>
internal sealed class NamePool
{
    /// <summary>Names and tag lists kept at most, together (each list of tags counts as one).</summary>
    public const int Capacity = 4096;

    private const int StackLimit = 256;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _listLookup;
    private int _count;

    public NamePool()
    {
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _listLookup = _lists.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The UTF-8 <paramref name="utf8"/> as a string, shared when it was seen before.</summary>
    public string Name(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > StackLimit)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[StackLimit];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_nameLookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var name = text.ToString();
        return Keep(_names, name, name);
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

        if (utf8.Length > StackLimit)
        {
            return Split(utf8, separator);
        }

        Span<char> chars = stackalloc char[StackLimit];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_listLookup.TryGetValue(text, out var known))
        {
            return known;
        }

        return Keep(_lists, text.ToString(), Split(utf8, separator));
    }

    /// <summary>The value already kept for <paramref name="key"/>, or <paramref name="value"/>, kept while the pool has room.</summary>
    private T Keep<T>(ConcurrentDictionary<string, T> kept, string key, T value)
        where T : class
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        var shared = kept.GetOrAdd(key, value);
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
