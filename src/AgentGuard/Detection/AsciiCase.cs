namespace AgentGuard;

/// <summary>
/// Case-insensitive comparisons with the answers of <see cref="StringComparison.OrdinalIgnoreCase"/>, made inline while
/// both sides are ASCII (the detector compares short words many times per text, where a runtime call costs more than
/// the comparison). Ordinal case folding maps each character to one character, so a difference between two ASCII
/// characters at one position settles the answer; the first non-ASCII character hands the whole comparison to the
/// runtime (whose folding decides whether 'ı' or 'ſ' equals an ASCII letter).
/// </summary>
internal static class AsciiCase
{
    /// <summary><paramref name="text"/>.StartsWith(<paramref name="value"/>, <see cref="StringComparison.OrdinalIgnoreCase"/>).</summary>
    public static bool StartsWith(ReadOnlySpan<char> text, string value)
    {
        if (text.Length < value.Length)
        {
            return false;
        }

        for (var k = 0; k < value.Length; k++)
        {
            var c = text[k];
            var v = value[k];
            if ((c | v) > '\x7F')
            {
                return text.StartsWith(value, StringComparison.OrdinalIgnoreCase);
            }

            if (Lower(c) != Lower(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="word"/>.Equals(<paramref name="value"/>, <see cref="StringComparison.OrdinalIgnoreCase"/>).</summary>
    public static bool Equals(ReadOnlySpan<char> word, string value) => word.Length == value.Length && StartsWith(word, value);

    private static int Lower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c;
}
