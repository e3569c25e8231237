namespace AgentGuard;

/// <summary>
/// The set of first two characters of some lower-case ASCII words, as 128 × 128 bits: whether a word may start with two
/// ASCII characters of a text, ignoring the case of letters, in one bit test. "No" is exact; a word shorter than two
/// characters makes every pair starting with its character "maybe".
/// </summary>
internal sealed class AsciiPairs
{
    private readonly ulong[] _bits = new ulong[128 * 128 / 64];

    /// <param name="words">Lower-case ASCII words.</param>
    public AsciiPairs(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length == 0 || !System.Text.Ascii.IsValid(word) || word != word.ToLowerInvariant())
            {
                throw new ArgumentException($"word '{word}' must be lower-case ASCII", nameof(words));
            }

            for (var second = 0; second < 128; second++)
            {
                if (word.Length == 1 || word[1] == second)
                {
                    var index = (word[0] * 128) + second;
                    _bits[index >> 6] |= 1UL << (index & 63);
                }
            }
        }
    }

    /// <summary>False when no word starts with <paramref name="first"/> then <paramref name="second"/> (both ASCII), ignoring the case of letters.</summary>
    public bool Contains(char first, char second)
    {
        var index = (Lower(first) * 128) + Lower(second);
        return (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private static int Lower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c;
}
