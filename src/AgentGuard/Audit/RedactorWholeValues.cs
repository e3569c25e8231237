namespace AgentGuard;

/// <summary>
/// A secret found at the start of a quoted value whose literal runs further without white space: the literal is the
/// value (<c>'glc_eyJv…?jJ2W…'</c>, <c>"sk-ant-api03-…(SFEu…"</c>), so the span goes on to its closing quote. A token read
/// by its provider's grammar stops at the first symbol that grammar leaves out, and the rest of the literal, the rest of
/// the same secret, would otherwise reach the audit file beside the redaction. So does a literal whose rest is one run of
/// letters and digits after a stray blank (a token split in two). A literal holding words after the span (a sentence,
/// <c>"ghp_… is the token"</c>) is left as it is.
/// </summary>
internal static class RedactorWholeValues
{
    /// <summary>How far the closing quote is looked for.</summary>
    private const int Reach = 1024;

    /// <summary>The end of the span <paramref name="start"/>..<paramref name="end"/> widened to the closing quote of the literal it opens.</summary>
    public static int Widened(string text, int start, int end)
    {
        if (start == 0 || end >= text.Length || end <= start || text[start - 1] is not ('"' or '\'' or '`') || text[end] == text[start - 1] || !OpensLiteral(text, start - 1))
        {
            return end;
        }

        var quote = text[start - 1];
        var limit = Math.Min(text.Length, end + Reach);
        for (var i = end; i < limit; i++)
        {
            var c = text[i];
            if (c == quote && text[i - 1] != '\\')
            {
                return i;
            }

            if (char.IsWhiteSpace(c))
            {
                return c == ' ' ? SplitTail(text, i + 1, limit, quote) is > 0 and var close ? close : end : end;
            }
        }

        return end;
    }

    /// <summary>The fewest characters of a token's part after a blank.</summary>
    private const int MinTail = 8;

    /// <summary>
    /// Where the literal closes when all that follows one blank up to its closing quote is one run of 8 or more
    /// letters and digits with both in it (<c>"xoxb-2625…-12930 79-Z21cXg…"</c>: a token split by a stray blank), or 0.
    /// Words of a sentence (<c>"ghp_… expired"</c>, <c>"… is the token"</c>) are not.
    /// </summary>
    private static int SplitTail(string text, int from, int limit, char quote)
    {
        bool letter = false, digit = false;
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (c == quote && text[i - 1] != '\\')
            {
                return i - from >= MinTail && letter && digit ? i : 0;
            }

            if (char.IsWhiteSpace(c))
            {
                return 0;
            }

            letter |= char.IsAsciiLetter(c);
            digit |= char.IsAsciiDigit(c);
        }

        return 0;
    }

    /// <summary>
    /// The quote at <paramref name="at"/> opens a literal: it starts the text or follows white space, an assignment, an
    /// opening bracket or a separator of arguments, or a one-letter literal prefix (Python's <c>b'…'</c>, <c>r"…"</c>).
    /// </summary>
    private static bool OpensLiteral(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }

        var before = text[at - 1];
        return char.IsWhiteSpace(before) || before is '=' or ':' or '(' or '[' or '{' or ',' or '>'
            || (before is 'b' or 'r' or 'f' or 'u' or 'B' or 'R' or 'F' or 'U' && (at == 1 || !char.IsAsciiLetterOrDigit(text[at - 2])));
    }
}
