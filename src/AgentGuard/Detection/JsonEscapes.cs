using System.Buffers;

namespace AgentGuard;

/// <summary>
/// A tool's result as the model reads it when the tool returned JSON: the escapes of its strings (<c>\n</c>, <c>\"</c>,
/// <c>\u00e9</c>, <c>\u003C</c>) stand for the characters they escape. Serializers write them for every line break, for
/// every non-ASCII letter (Python's <c>json.dumps</c>, System.Text.Json's default encoder) and for <c>&lt; &gt; &amp; ' +</c>
/// (System.Text.Json), so a detector that reads the escapes as written loses the first word of every line of an e-mail
/// body (<c>…,\n\nIgnore</c> reads as one word), every instruction in a language other than English, and every
/// <c>&lt;!-- … --&gt;</c>. JSON nested in a JSON string (<c>\\n</c>, <c>\\\"</c>) is read through up to
/// <see cref="MaximumLevels"/> levels. A text with no backslash costs one vectorised search and no allocation.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>How many levels of JSON in JSON strings are read through.</summary>
    public const int MaximumLevels = 3;

    /// <summary>The characters that follow a backslash in an escape this reading decodes (<c>u</c> only before four hex digits).</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\/bfnrtu");

    /// <summary>
    /// <paramref name="text"/> with its JSON string escapes decoded; null when it holds none. A backslash before anything
    /// else (<c>\d</c> of a pattern, <c>\x41</c>, <c>\'</c> of a shell or a script) and a <c>\u</c> without four hex digits
    /// are kept as written. A level's escaped backslashes may write the escapes of a level below (JSON inside a JSON
    /// string): with <paramref name="asRead"/>, as a model reads text, every such level is decoded in turn (a literal
    /// <c>\u0069gnore</c> in an e-mail body reads as "ignore"); without it, as a value is compared, a level is decoded
    /// further only when it also decoded an escaped quote, the mark of a JSON text (a Windows path <c>C:\\nathan</c> stays
    /// <c>C:\nathan</c>). At most <see cref="MaximumLevels"/> levels.
    /// </summary>
    public static string? Decoded(ReadOnlySpan<char> text, bool asRead = false)
    {
        string? decoded = null;
        for (var level = 0; level < MaximumLevels; level++)
        {
            var source = decoded is null ? text : decoded.AsSpan();
            if (DecodeOnce(source, out var backslash, out var quote) is not { } next)
            {
                break;
            }

            decoded = next;
            if (!backslash || !(asRead || quote))
            {
                break;
            }
        }

        return decoded;
    }

    /// <summary>One level decoded, or null when it holds no escape; whether it decoded an escaped backslash and an escaped quote.</summary>
    private static string? DecodeOnce(ReadOnlySpan<char> text, out bool backslash, out bool quote)
    {
        backslash = false;
        quote = false;
        var first = FirstEscape(text, 0);
        if (first < 0)
        {
            return null;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text[..first].CopyTo(buffer);
            var length = first;
            var at = first;
            while (at >= 0)
            {
                var (value, width) = Escape(text, at);
                buffer[length++] = value;
                backslash |= value == '\\';
                quote |= value == '"';
                var resume = at + width;
                var next = FirstEscape(text, resume);
                var copyEnd = next < 0 ? text.Length : next;
                text[resume..copyEnd].CopyTo(buffer.AsSpan(length));
                length += copyEnd - resume;
                at = next;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the first decodable escape at or after <paramref name="from"/> starts, or -1.</summary>
    private static int FirstEscape(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var slash = text[from..].IndexOf('\\');
            if (slash < 0)
            {
                return -1;
            }

            var at = from + slash;
            if (at + 1 < text.Length && Escaped.Contains(text[at + 1]) && (text[at + 1] != 'u' || IsUnicodeEscape(text, at)))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private static bool IsUnicodeEscape(ReadOnlySpan<char> text, int at)
        => at + 5 < text.Length && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3]) && char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5]);

    /// <summary>The character the escape at <paramref name="at"/> stands for and how many characters it takes.</summary>
    private static (char Value, int Width) Escape(ReadOnlySpan<char> text, int at) => text[at + 1] switch
    {
        'n' => ('\n', 2),
        'r' => ('\r', 2),
        't' => ('\t', 2),

        // A backspace or a form feed separates what it stands between, as a space does.
        'b' or 'f' => (' ', 2),
        'u' => ((char)((Hex(text[at + 2]) << 12) | (Hex(text[at + 3]) << 8) | (Hex(text[at + 4]) << 4) | Hex(text[at + 5])), 6),
        var other => (other, 2),
    };

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
