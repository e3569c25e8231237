namespace AgentGuard.Policies;

/// <summary>
/// A hash of a string from its length and three of its characters (first, middle, last): constant time, for the keys
/// of a <see cref="KeyedList{TKey, TValue}"/>, which holds a few dozen entries at most and compares every key whose hash
/// agrees in full. Not for a table an input can fill (a chosen set of strings collides at will).
/// </summary>
internal static class ShortHash
{
    public static int Of(string? value) => value switch
    {
        null => 0,
        { Length: 0 } => 1,
        _ => (((((value.Length * 31) + value[0]) * 31) + value[value.Length / 2]) * 31) + value[^1],
    };
}
