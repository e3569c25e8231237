namespace AgentGuard.Mcp;

/// <content>
/// Joiners that are written, not hidden: the zero-width joiner inside an emoji sequence ("👨‍👩‍👧", "🏳️‍🌈", "👩‍⚕️") and the
/// zero-width joiner or non-joiner between letters of the scripts whose spelling needs them (Persian "فایل‌های", the
/// conjuncts of Indic scripts). A joiner between Latin letters ("men\u200Dtion"), after an emoji before a Latin letter,
/// or in a run of invisible characters still hides text.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>
    /// The zero-width joiner or non-joiner at <paramref name="at"/> joins an emoji sequence (the joiner between two emoji,
    /// the first perhaps ending in a variation selector) or two characters of a joining script (<see cref="InJoiningScript"/>).
    /// </summary>
    private static bool JoinsASequence(ReadOnlySpan<char> text, int at)
    {
        var c = text[at];
        if (c is not ('\u200D' or '\u200C') || at == 0 || at + 1 >= text.Length)
        {
            return false;
        }

        var previous = text[at - 1];
        var next = text[at + 1];
        if (InJoiningScript(previous) && InJoiningScript(next))
        {
            return true;
        }

        return c == '\u200D' && EmojiEndsAt(text, at - 1) && StartsEmoji(next);
    }

    /// <summary>Arabic (with its supplements and presentation forms), Syriac, Thaana and the Indic scripts (U+0900..U+0DFF): letters and marks.</summary>
    private static bool InJoiningScript(char c)
        => c is (>= '\u0600' and <= '\u08FF') or (>= '\u0900' and <= '\u0DFF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>The character at <paramref name="end"/> ends an emoji: a supplementary-plane emoji (U+1F000..U+1FAFF), a symbol of U+2600..U+27BF or U+2B00..U+2BFF, or a variation selector after one.</summary>
    private static bool EmojiEndsAt(ReadOnlySpan<char> text, int end)
    {
        if (text[end] == '\uFE0F' && end > 0)
        {
            end--;
        }

        var c = text[end];
        return IsEmojiSymbol(c) || (char.IsLowSurrogate(c) && end > 0 && text[end - 1] is >= '\uD83C' and <= '\uD83E');
    }

    /// <summary>The character starts an emoji: the high surrogate of U+1F000..U+1FAFF, or a symbol of U+2600..U+27BF or U+2B00..U+2BFF.</summary>
    private static bool StartsEmoji(char c) => c is >= '\uD83C' and <= '\uD83E' || IsEmojiSymbol(c);

    private static bool IsEmojiSymbol(char c) => c is (>= '\u2600' and <= '\u27BF') or (>= '\u2B00' and <= '\u2BFF');
}
