namespace AgentGuard;

/// <summary>
/// Lists of entries by a small index (a phrase's first two characters), stored compactly: one byte per index names its
/// list among the non-empty ones, so the table a walk consults at many of its stops takes one byte per index instead of
/// an eight-byte reference and stays in the first-level cache (the detector's 26 × 128 references were 26 KB).
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class PairTable<T>
{
    private readonly byte[] _list;
    private readonly T[][] _lists;

    /// <param name="count">How many indexes.</param>
    /// <param name="listAt">The entries of each index, in the order they are to be tried.</param>
    public PairTable(int count, Func<int, T[]> listAt)
    {
        _list = new byte[count];
        var lists = new List<T[]> { Array.Empty<T>() };
        for (var i = 0; i < count; i++)
        {
            var entries = listAt(i);
            if (entries.Length == 0)
            {
                continue;
            }

            if (lists.Count > byte.MaxValue)
            {
                throw new ArgumentException("more than 255 non-empty lists", nameof(listAt));
            }

            _list[i] = (byte)lists.Count;
            lists.Add(entries);
        }

        _lists = [.. lists];
    }

    /// <summary>The entries of <paramref name="index"/> (empty when none).</summary>
    public T[] this[int index] => _lists[_list[index]];
}
