namespace AgentGuard.Mcp;

/// <summary>
/// A set of words compared as <see cref="StringComparison.OrdinalIgnoreCase"/> does, for words read from a text one at
/// a time: a word of another length than any in the set, or whose ASCII first letter starts none, is ruled out before
/// it is hashed (most words of prose are). Every word of the set starts with an ASCII letter.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _shortest;
    private readonly int _longest;

    /// <summary>Bit <c>letter - 'a'</c> set for the lower-case first letter of each word.</summary>
    private readonly uint _firstLetters;

    public WordSet(IEnumerable<string> words)
    {
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _shortest = int.MaxValue;
        foreach (var word in set)
        {
            if (word.Length == 0 || !char.IsAsciiLetter(word[0]))
            {
                throw new ArgumentException($"word '{word}' must start with an ASCII letter", nameof(words));
            }

            _shortest = Math.Min(_shortest, word.Length);
            _longest = Math.Max(_longest, word.Length);
            _firstLetters |= 1u << (char.ToLowerInvariant(word[0]) - 'a');
        }

        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when <paramref name="word"/> equals a word of the set, ignoring case as an ordinal comparison does.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        // Ordinal case folding keeps the length, and an ASCII letter equals only the same letter in either case: both
        // tests are exact. A non-ASCII first character may fold to an ASCII letter; the hash decides.
        if (word.Length < _shortest || word.Length > _longest)
        {
            return false;
        }

        var first = word[0];
        return (!char.IsAsciiLetter(first) || (_firstLetters & (1u << ((first | 0x20) - 'a'))) != 0) && _lookup.Contains(word);
    }
}
