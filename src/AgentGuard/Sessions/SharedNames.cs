using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// Tool names recorded in session histories, one string per distinct name for the whole store: hosts hand over a new
/// string per call (deserialised from the model's reply), and the same few names recur in every session, so a history
/// entry then costs its struct only. Bounded (<see cref="Capacity"/>); once full, further names are kept as given.
/// The count is kept with <see cref="Interlocked"/> (reading a concurrent dictionary's count takes all its locks).
/// </summary>
/// <remarks>
/// The shared instance of each recent name is also kept in a slot picked by its length and a few of its characters
/// (<see cref="Slot"/>): a name equal to the slot's (compared ordinally, by reference first) is answered from it without
/// hashing the name or visiting the dictionary. The engine records the rule index's instances, one per candidate set —
/// in a large policy thousands of sets, each with its own copy of a name many sets share — so a check by reference
/// alone missed for all but one copy of each name. Names that share a slot take turns in it; the slot only saves the
/// dictionary look-up and never answers a name other than its own.
/// </remarks>
internal sealed class SharedNames
{
    /// <summary>Distinct names kept at most.</summary>
    public const int Capacity = 4096;

    /// <summary>Names longer than this are kept as given (a name is an identifier, not text).</summary>
    public const int MaxLength = 128;

    private const int RecentSlots = 512;

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
        => name.Length == 0
            ? 0
            : ((name.Length * 31) + (name[0] * 7) + (name[name.Length / 2] * 3) + (name[^1] * 13) + (name.Length > 1 ? name[^2] * 61 : 0)) & (RecentSlots - 1);
}
