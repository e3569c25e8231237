using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// Tool names recorded in session histories, one string per distinct name for the whole store: hosts hand over a new
/// string per call (deserialised from the model's reply), and the same few names recur in every session, so a history
/// entry then costs its struct only. Bounded (<see cref="Capacity"/>); once full, further names are kept as given.
/// The count is kept with <see cref="Interlocked"/> (reading a concurrent dictionary's count takes all its locks).
/// </summary>
internal sealed class SharedNames
{
    /// <summary>Distinct names kept at most.</summary>
    public const int Capacity = 4096;

    /// <summary>Names longer than this are kept as given (a name is an identifier, not text).</summary>
    public const int MaxLength = 128;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The shared instance of <paramref name="name"/>, or <paramref name="name"/> itself.</summary>
    public string Share(string name)
    {
        if (_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        if (name.Length > MaxLength || Volatile.Read(ref _count) >= Capacity)
        {
            return name;
        }

        if (_names.TryAdd(name, name))
        {
            Interlocked.Increment(ref _count);
        }

        return name;
    }
}
