namespace AgentGuard;

/// <summary>
/// One credential made of several tokens of one family joined by commas, as a macaroon token lists its caveats
/// (<c>FlyV1 fm2_…,fm2_…</c>): the reader takes the whole list as the secret. A span whose last token opens with a
/// prefix (letters and digits ending in <c>_</c>, <c>fm2_</c>) goes on over every comma-joined token that opens with the
/// same prefix; other words after a comma (<c>,scope=repo</c>) end it as before.
/// </summary>
internal static class RedactorJoinedTokens
{
    /// <summary>How many joined tokens are taken at most.</summary>
    private const int MaxTokens = 32;

    /// <summary>How long a token after a comma is read at most.</summary>
    private const int Reach = 4096;

    /// <summary>The end of the span <paramref name="start"/>..<paramref name="end"/> widened over the tokens joined to its last one.</summary>
    public static int Widened(string text, int start, int end)
    {
        if (end >= text.Length || text[end] != ',' || end <= start)
        {
            return end;
        }

        var tokenStart = end;
        while (tokenStart > start && !char.IsWhiteSpace(text[tokenStart - 1]) && text[tokenStart - 1] is not ('"' or '\'' or '=' or ','))
        {
            tokenStart--;
        }

        var prefix = Prefix(text.AsSpan(tokenStart, end - tokenStart));
        if (prefix == 0)
        {
            return end;
        }

        for (var joined = 0; joined < MaxTokens && end + 1 + prefix < text.Length && text[end] == ','; joined++)
        {
            var next = end + 1;
            if (!text.AsSpan(next, prefix).SequenceEqual(text.AsSpan(tokenStart, prefix)))
            {
                break;
            }

            var limit = Math.Min(text.Length, next + Reach);
            var tokenEnd = next + prefix;
            while (tokenEnd < limit && IsTokenChar(text[tokenEnd]))
            {
                tokenEnd++;
            }

            end = tokenEnd;
        }

        return end;
    }

    /// <summary>The length of the token's family prefix (2 to 8 letters and digits, then <c>_</c>, a letter first), or 0.</summary>
    private static int Prefix(ReadOnlySpan<char> token)
    {
        if (token.Length < 16 || !char.IsAsciiLetter(token[0]))
        {
            return 0;
        }

        for (var i = 1; i < token.Length && i <= 8; i++)
        {
            if (token[i] == '_')
            {
                return i >= 2 ? i + 1 : 0;
            }

            if (!char.IsAsciiLetterOrDigit(token[i]))
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '=' or '.';
}
