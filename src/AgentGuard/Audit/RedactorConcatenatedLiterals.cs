namespace AgentGuard;

/// <summary>
/// A secret wrapped over string literals that the language joins into one value: Python's and C's neighbouring
/// literals (<c>api_key = ("abc…"</c>, a line break, <c>"…xyz")</c>), <c>"abc…" +</c> in Java, C#, JavaScript and Go,
/// PHP's <c>.</c>, Visual Basic's <c>&amp;</c>. A span that is one literal's whole content goes on over the literals
/// joined to it on either side: redacting one of them would leave the rest of the secret beside the redaction. A span
/// that is only part of a literal (a token inside a sentence) is left as it is.
/// </summary>
internal static class RedactorConcatenatedLiterals
{
    /// <summary>How many literals are joined at most, each way.</summary>
    private const int MaxLiterals = 32;

    /// <summary>How far a literal's other quote, or the next literal after white space and a joiner, is looked for.</summary>
    private const int Reach = 4096;

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> widened over the literals joined to the one it is the content of, if any.</summary>
    public static (int Start, int End) Widened(string text, int start, int end)
    {
        if (start == 0 || text[start - 1] is not ('"' or '\'') || end <= start)
        {
            return (start, end);
        }

        // The span may have taken the closing quote in (a finding read to the end of its encoded token).
        var quote = text[start - 1];
        var closing = end < text.Length && text[end] == quote ? end : text[end - 1] == quote && end - 1 > start ? end - 1 : -1;
        if (closing < 0 || text.AsSpan(start, closing - start).Contains(quote))
        {
            return (start, end);
        }

        for (var joined = 0; joined < MaxLiterals && NextLiteral(text, closing + 1, quote) is int next; joined++)
        {
            closing = next;
            end = next;
        }

        for (var joined = 0; joined < MaxLiterals && PreviousLiteral(text, start - 2, quote) is int previous; joined++)
        {
            start = previous;
        }

        return (start, end);
    }

    /// <summary>
    /// The closing quote of the literal joined after the one that closed just before <paramref name="at"/>, or null when
    /// what follows is not white space, at most one joiner and an opening <paramref name="quote"/>.
    /// </summary>
    private static int? NextLiteral(string text, int at, char quote)
    {
        var open = Joint(text, at, +1);
        if (open is not int opening || text[opening] != quote)
        {
            return null;
        }

        for (var i = opening + 1; i < text.Length && i <= opening + Reach && text[i] is not ('\n' or '\r'); i++)
        {
            if (text[i] == quote && !Escaped(text, i))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The first content character of the literal joined before the one that opens just after <paramref name="at"/>, or
    /// null when what precedes is not a closing <paramref name="quote"/>, at most one joiner and white space.
    /// </summary>
    private static int? PreviousLiteral(string text, int at, char quote)
    {
        var close = Joint(text, at, -1);
        if (close is not int closing || text[closing] != quote || Escaped(text, closing))
        {
            return null;
        }

        for (var i = closing - 1; i >= 0 && i >= closing - Reach && text[i] is not ('\n' or '\r'); i--)
        {
            if (text[i] == quote && !Escaped(text, i))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads from <paramref name="at"/> in <paramref name="step"/>'s direction over white space, at most one joiner
    /// (<c>+ . &amp;</c>) and white space again; the position of the first other character, or null.
    /// </summary>
    private static int? Joint(string text, int at, int step)
    {
        var limit = at + (step * Reach);
        var joiner = false;
        for (var i = at; i >= 0 && i < text.Length && i != limit; i += step)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '+' or '.' or '&' && !joiner)
            {
                joiner = true;
                continue;
            }

            return i;
        }

        return null;
    }

    /// <summary>True when the quote at <paramref name="at"/> is escaped by an odd number of backslashes before it.</summary>
    private static bool Escaped(string text, int at)
    {
        var slashes = 0;
        while (at - slashes - 1 >= 0 && text[at - slashes - 1] == '\\')
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }
}
