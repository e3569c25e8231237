namespace AgentGuard.Policies;

/// <summary>
/// The candidate sets of a <see cref="RuleIndex"/> by tool name, kind and source (names and sources compared
/// ordinally; no source and an empty one are the same key), in an open-addressing table of (hash, set) pairs: a look-up
/// reads one slot and then the set it names, which it needs anyway, instead of a dictionary's bucket, node and key.
/// The key is the set's own <see cref="CandidateSet.ToolName"/>, kind and source, so a slot whose hash agrees is still
/// compared exactly and a hash collision can only cost a comparison, never yield another tool's set.
/// </summary>
/// <remarks>
/// Reads take no lock: a slot is written hash first and set last (a release write), and a reader that sees the set
/// sees its hash; a larger table is filled before it is published. Writers take a lock. The table holds at most
/// <c>capacity</c> sets (beyond it a set is built per call and not kept) and never more than half its slots, so a
/// probe always ends at an empty slot. The hash is the string hash of .NET (randomised per process), so tool names a
/// model invents cannot be chosen to collide.
/// </remarks>
internal sealed class CandidateTable(int capacity)
{
    private const int InitialSlots = 64;
    private readonly Lock _writing = new();
    private Slot[] _slots = new Slot[InitialSlots];
    private int _count;

    /// <summary>Sets kept (never more than the capacity).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The hash a set of this key is filed under.</summary>
    public static int Hash(string toolName, ToolKind kind, string? source)
    {
        var hash = toolName.GetHashCode(StringComparison.Ordinal) ^ ((int)kind * -1640531535);
        return string.IsNullOrEmpty(source) ? hash : (hash * 31) + source.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>The set kept for the key, or null.</summary>
    public CandidateSet? Find(int hash, string toolName, ToolKind kind, string? source)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            var set = Volatile.Read(ref slot.Set);
            if (set is null)
            {
                return null;
            }

            if (slot.Hash == hash && set.IsFor(toolName, kind, source))
            {
                return set;
            }
        }
    }

    /// <summary>
    /// Keeps <paramref name="set"/> (filed under <paramref name="hash"/>, which must be <see cref="Hash"/> of its key)
    /// unless a set for the same key is kept already or the table is full; returns the set kept for the key, or
    /// <paramref name="set"/> when none is.
    /// </summary>
    public CandidateSet Add(int hash, CandidateSet set)
    {
        lock (_writing)
        {
            if (Find(hash, set.ToolName, set.Kind, set.Source) is { } kept)
            {
                return kept;
            }

            if (_count >= capacity)
            {
                return set;
            }

            var slots = _slots;
            if ((_count + 1) * 2 > slots.Length)
            {
                var larger = new Slot[slots.Length * 2];
                foreach (var slot in slots)
                {
                    if (slot.Set is not null)
                    {
                        Put(larger, slot.Hash, slot.Set);
                    }
                }

                Volatile.Write(ref _slots, larger);
                slots = larger;
            }

            Put(slots, hash, set);
            Volatile.Write(ref _count, _count + 1);
            return set;
        }
    }

    private static void Put(Slot[] slots, int hash, CandidateSet set)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Set is not null)
        {
            i = (i + 1) & mask;
        }

        slots[i].Hash = hash;
        Volatile.Write(ref slots[i].Set, set);
    }

    /// <summary>A set and the hash of its key; the set is written last and read first.</summary>
    private struct Slot
    {
        public int Hash;
        public CandidateSet? Set;
    }
}
