namespace AgentGuard;

/// <summary>
/// A secret wrapped over lines with a line continuation (<c>export API_TOKEN=abc…\</c>, a line break, <c>…xyz</c>): the
/// shell, Make and Dockerfiles join the two lines into one value. A span that ends at the backslash goes on over the
/// word that continues it at the start of the next line, and a span that starts a continued line goes back over the
/// word before the backslash (up to its <c>=</c>): redacting one half would leave the other beside the redaction.
/// </summary>
internal static class RedactorLineContinuations
{
    /// <summary>How many continued lines are joined at most, each way.</summary>
    private const int MaxLines = 32;

    /// <summary>How far a continued word is read, each way.</summary>
    private const int Reach = 4096;

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> widened over the words its line continuations join to it.</summary>
    public static (int Start, int End) Widened(string text, int start, int end)
    {
        var limit = Math.Min(text.Length, end + Reach);
        for (var lines = 0; lines < MaxLines && ContinuedAt(text, end) is int next && next < text.Length && !char.IsWhiteSpace(text[next]); lines++)
        {
            end = next;
            while (end < limit && !char.IsWhiteSpace(text[end]) && text[end] != '\\')
            {
                end++;
            }

            end = end < limit && text[end] == '\\' && ContinuedAt(text, end) is not null ? end + 1 : end;
        }

        var floor = Math.Max(0, start - Reach);
        for (var lines = 0; lines < MaxLines && ContinuesFrom(text, start) is int backslash && backslash > floor && !char.IsWhiteSpace(text[backslash - 1]); lines++)
        {
            start = backslash;
            while (start > floor && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '=' && text[start - 1] != '\n')
            {
                start--;
            }
        }

        return (start, end);
    }

    /// <summary>
    /// Where the next line starts, when the span's end <paramref name="end"/> is at a line continuation: the span took the
    /// backslash in, or stops right before it. Null otherwise.
    /// </summary>
    private static int? ContinuedAt(string text, int end)
    {
        var backslash = end > 0 && text[end - 1] == '\\' ? end - 1 : end < text.Length && text[end] == '\\' ? end : -1;
        if (backslash < 0)
        {
            return null;
        }

        var next = backslash + 1;
        next += next < text.Length && text[next] == '\r' ? 1 : 0;
        return next < text.Length && text[next] == '\n' ? next + 1 : null;
    }

    /// <summary>Where the backslash ending the line before is, when <paramref name="start"/> starts a continued line. Null otherwise.</summary>
    private static int? ContinuesFrom(string text, int start)
    {
        if (start == 0 || text[start - 1] != '\n')
        {
            return null;
        }

        var backslash = start - 2;
        backslash -= backslash >= 0 && text[backslash] == '\r' ? 1 : 0;
        return backslash >= 0 && text[backslash] == '\\' ? backslash : null;
    }
}
