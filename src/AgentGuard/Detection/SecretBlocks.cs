namespace AgentGuard;

/// <summary>
/// Where a reported value goes on past the token it stops in, so that no line of it is left next to its redaction:
/// a base64 body wrapped at a fixed width (PEM's 64 or MIME's 76 characters a line) goes on after each line break, and a
/// value inside a <c>-----BEGIN …-----</c> / <c>-----END …-----</c> block is the whole block (a key too short to be
/// reported as a key, read as a password's value, is still one block).
/// </summary>
internal static class SecretBlocks
{
    private const string Begin = "-----BEGIN ";
    private const string End = "-----END ";
    private const int MaxBlockLength = 16_384;
    private const int MaxBlocks = 256;
    private const int MaxIndent = 16;
    private const int MaxLines = 1_024;

    /// <summary>The BEGIN/END blocks of <paramref name="text"/> in text order (at most 256), or null when it has none.</summary>
    public static List<(int Start, int End)>? Find(string text)
    {
        var at = text.IndexOf(Begin, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var blocks = new List<(int Start, int End)>();
        while (at >= 0 && blocks.Count < MaxBlocks)
        {
            var headerEnd = text.IndexOf("-----", at + Begin.Length, Math.Min(80, text.Length - at - Begin.Length), StringComparison.Ordinal);
            var next = headerEnd < 0 ? -1 : text.IndexOf(Begin, headerEnd + 5, StringComparison.Ordinal);
            var end = headerEnd < 0 ? -1 : text.IndexOf(End, headerEnd + 5, Math.Min(MaxBlockLength, text.Length - headerEnd - 5), StringComparison.Ordinal);
            var close = end < 0 || (next >= 0 && next < end) ? -1 : text.IndexOf("-----", end + End.Length, Math.Min(80, text.Length - end - End.Length), StringComparison.Ordinal);
            if (close >= 0)
            {
                blocks.Add((at, EscapedBreakBeforeQuote(text, close + 5)));
                next = text.IndexOf(Begin, close + 5, StringComparison.Ordinal);
            }

            at = next;
        }

        return blocks;
    }

    /// <summary>
    /// Where a block inside a string literal ends: an escaped line break (<c>\n</c>, <c>\r\n</c>) right before the closing
    /// quote (<c>"private_key": "-----BEGIN …-----END PRIVATE KEY-----\n"</c>) is the block's own last line break, so it
    /// goes with the block; one followed by more text is left.
    /// </summary>
    private static int EscapedBreakBeforeQuote(string text, int end)
    {
        var after = text.AsSpan(end);
        var escape = after.StartsWith("\\r\\n", StringComparison.Ordinal) ? 4 : after.StartsWith("\\n", StringComparison.Ordinal) ? 2 : 0;
        return escape > 0 && after.Length > escape && after[escape] is '"' or '\'' ? end + escape : end;
    }

    /// <summary>The finding widened over the lines of a wrapped base64 value and over the block it lies in.</summary>
    public static SecretFinding Widened(string text, SecretFinding finding, List<(int Start, int End)>? blocks)
    {
        var start = finding.Start;
        var end = Wrapped(text, start, finding.Start + finding.Length);
        if (blocks is not null)
        {
            foreach (var block in blocks)
            {
                if (block.Start >= end)
                {
                    break;
                }

                if (block.End > start)
                {
                    start = Math.Min(start, block.Start);
                    end = Math.Max(end, block.End);
                }
            }
        }

        return finding with { Start = start, Length = end - start };
    }

    /// <summary>
    /// The end of a value whose last line is exactly 64 or 76 base64 characters (not all hex: a digest is not wrapped):
    /// each following line of the same width, and a shorter last one, belong to it. A line break, a JSON-escaped one
    /// (<c>\n</c>), or a single space (a body joined onto one line) separates the lines; a last line longer than the
    /// width is taken whole rather than leaving its tail; a following line that is a
    /// plain word (no digit, <c>+</c>, <c>/</c> or <c>=</c>) or runs into other punctuation is not part of it. At most
    /// 1,024 lines are followed (64 KB; a 4,096-bit key body is about 50).
    /// </summary>
    private static int Wrapped(string text, int start, int end)
    {
        var lineStart = end;
        while (lineStart > start && IsBody(text[lineStart - 1]))
        {
            lineStart--;
        }

        var width = end - lineStart;
        if (width is not (64 or 76) || (lineStart > 0 && text[lineStart - 1] is '-' or '_' or '.') || IsHex(text.AsSpan(lineStart, width)))
        {
            return end;
        }

        for (var lines = 0; lines < MaxLines && Separated(text, end) is var next and >= 0; lines++)
        {
            var stop = next;
            while (stop < text.Length && IsBody(text[stop]))
            {
                stop++;
            }

            // A line as wide as the first goes on to the next; a shorter one, or a longer one, is the last.
            var full = stop - next == width;
            while (stop < text.Length && text[stop] == '=' && stop - next < width + 2)
            {
                stop++;
            }

            if (stop == next || (stop < text.Length && !EndsLine(text[stop])) || (!full && !text.AsSpan(next, stop - next).ContainsAny("0123456789+/=")))
            {
                break;
            }

            end = stop;
            if (!full || stop - next > width)
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Where the next line of a wrapped value starts after <paramref name="end"/>, or -1.</summary>
    private static int Separated(string text, int end)
    {
        if (end >= text.Length)
        {
            return -1;
        }

        var next = text[end] switch
        {
            '\n' => end + 1,
            '\r' when end + 1 < text.Length && text[end + 1] == '\n' => end + 2,
            ' ' => end + 1,
            '\\' when end + 1 < text.Length && text[end + 1] == 'n' => end + 2,
            '\\' when text.AsSpan(end).StartsWith("\\r\\n", StringComparison.Ordinal) => end + 4,
            _ => -1,
        };

        // A wrapped value in an indented block (YAML "key: |") keeps the indentation on every line.
        if (next > 0 && text[end] != ' ')
        {
            var indent = next;
            while (indent < text.Length && indent - next < MaxIndent && text[indent] is ' ' or '\t')
            {
                indent++;
            }

            next = indent;
        }

        return next < text.Length ? next : -1;
    }

    private static bool IsBody(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';

    private static bool EndsLine(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or '\\' or ',' or ';' or ')' or ']' or '}' or '<' or '.' or '!' or '&' or '|';

    private static bool IsHex(ReadOnlySpan<char> span) => !span.ContainsAnyExcept("0123456789abcdefABCDEF");
}
