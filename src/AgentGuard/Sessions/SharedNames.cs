using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// Tool names recorded in session histories, one string per distinct name for the whole store: hosts hand over a new
/// string per call (deserialised from the model's reply), and the same few names recur in every session, so a history
/// entry then costs its struct only. Bounded (<see cref="Capacity"/>); once full, further names are kept as given.
/// The count is kept with <see cref="Interlocked"/> (reading a concurrent dictionary's count takes all its locks).
/// </summary>
/// <remarks>
/// The engine records the instance its rule index keeps for the tool, the same for every call of it. So the shared
/// instance of each recent name is also kept in a slot picked by its length and its first and last characters: a name
/// that is that very instance is recognised by reference, without hashing it.
/// </remarks>
internal sealed class SharedNames
{
    /// <summary>Distinct names kept at most.</summary>
    public const int Capacity = 4096;

    /// <summary>Names longer than this are kept as given (a name is an identifier, not text).</summary>
    public const int MaxLength = 128;

    private const int RecentSlots = 64;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly string?[] _recent = new string?[RecentSlots];
    private int _count;

    /// <summary>The shared instance of <paramref name="name"/>, or <paramref name="name"/> itself.</summary>
    public string Share(string name)
    {
        ref var recent = ref _recent[Slot(name)];
        if (ReferenceEquals(Volatile.Read(ref recent), name))
        {
            return name;
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
    private static int Slot(string name)
        => name.Length == 0 ? 0 : (name.Length + (name[0] * 7) + (name[^1] * 13)) & (RecentSlots - 1);
}
