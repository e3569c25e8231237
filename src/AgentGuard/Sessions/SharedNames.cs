using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// Tool names recorded in session histories, one string per distinct name for the whole store: hosts hand over a new
/// string per call (deserialised from the model's reply), and the same few names recur in every session, so a history
/// entry then costs its struct only. Bounded (<see cref="Capacity"/>); once full, further names are kept as given.
/// The count is kept with <see cref="Interlocked"/> (reading a concurrent dictionary's count takes all its locks).
/// </summary>
/// <remarks>
/// The shared instance of each recent name is also kept in one of 4,096 slots picked by its length and a few of its characters
/// (<see cref="Slot"/>): a name equal to the slot's (compared ordinally, by reference first) is answered from it without
/// hashing the name or visiting the dictionary. The engine records the rule index's instances, one per candidate set —
/// in a large policy thousands of sets, each with its own copy of a name many sets share — so a check by reference
/// alone missed for all but one copy of each name. Names that share a slot take turns in it (a 10,000-rule policy's ~540 server and tool names collided often in 512 slots over fewer characters); the slot only saves the
/// dictionary look-up and never answers a name other than its own.
/// </remarks>
internal sealed class SharedNames
{
    /// <summary>Distinct names kept at most.</summary>
    public const int Capacity = 4096;

    /// <summary>Names longer than this are kept as given (a name is an identifier, not text).</summary>
    public const int MaxLength = 128;

    private const int SlotBits = 12;

    private const int RecentSlots = 1 << SlotBits;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly string?[] _recent = new string?[RecentSlots];
    private int _count;

    /// <summary>The shared instance of <paramref name="name"/>, or <paramref name="name"/> itself.</summary>
    public string Share(string name)
    {
        ref var recent = ref _recent[Slot(name)];
        if (Volatile.Read(ref recent) is { } kept && string.Equals(kept, name))
        {
            return kept;
        }

        if (_names.TryGetValue(name, out var shared))
        {
            if (!ReferenceEquals(Volatile.Read(ref recent), shared))
            {
                Volatile.Write(ref recent, shared);
            }

            return shared;
        }

        if (name.Length > MaxLength || Volatile.Read(ref _count) >= Capacity)
        {
            return name;
        }

        if (_names.TryAdd(name, name))
        {
            Interlocked.Increment(ref _count);
            Volatile.Write(ref recent, name);
        }

        return name;
    }

    /// <summary>The recent-name slot of <paramref name="name"/>: names of one length usually differ at an end (<c>srv1</c>, <c>srv2</c>).</summary>
    internal static int Slot(string name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        // Multiplicative mixing of the length and five characters (the first, the middle one, the last three): names
        // such as srv0 … srv4999 spread over the slots. Not keyed: a name chosen to collide only costs the dictionary.
        const uint Prime = 0x01000193;
        var hash = (uint)name.Length * 0x9E3779B1;
        hash = (hash ^ name[0]) * Prime;
        hash = (hash ^ name[name.Length / 2]) * Prime;
        hash = (hash ^ name[^1]) * Prime;
        hash = (hash ^ (name.Length > 1 ? name[^2] : 0u)) * Prime;
        hash = (hash ^ (name.Length > 2 ? name[^3] : 0u)) * Prime;
        return (int)((hash * 0x9E3779B1) >> (32 - SlotBits));
    }
}
