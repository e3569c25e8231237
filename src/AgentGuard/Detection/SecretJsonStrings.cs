using System.Buffers;

namespace AgentGuard;

/// <summary>
/// A secret in a JSON text, read as the tool meant it: serializers escape a quote (<c>\"</c>, <c>\u0022</c>), <c>'</c>,
/// <c>&lt; &gt; &amp; +</c> (System.Text.Json's <c>\u0027</c>, <c>\u003C</c>, <c>\u002B</c>) and line breaks, which hide
/// the key before a value (<c>password = \u0022…</c>) and cut values (<c>…\u002B…</c>). One level of the text is decoded
/// (<see cref="JsonEscapes"/>'s escapes; JSON in a JSON string is the decoded text's own, read in turn) with a map from each decoded character back to where it was written, the decoded text is searched as a text of its
/// own, and each finding is mapped back to the characters that wrote it. A finding the decoded reading ends or starts
/// at an escaped delimiter (a quote, an apostrophe, <c>&lt; &gt; &amp;</c>, a backslash) may cut a value that holds that
/// delimiter as written (<c>{"password": "8Q&gt;…\"*Z…"}</c> is one value as written and two decoded): unless the
/// delimiters pair around it as a value's own quotes or an element's tags, it covers the whole written string value that
/// holds it, so nothing of the value can remain. Only a text that holds a JSON string (<c>{"</c>, <c>["</c>) and a
/// decodable escape is decoded; any other text costs two searches and no allocation.
/// </summary>
internal static class SecretJsonStrings
{
    /// <summary>The characters an escape may stand for that end a value in the decoded text but not as written.</summary>
    private static readonly SearchValues<char> Delimiters = SearchValues.Create("\"'<>&\\");

    /// <summary>What may stand before a value's opening quote (after blanks): an operator, a bracket, a separator, a line start.</summary>
    private static readonly SearchValues<char> Openers = SearchValues.Create("=:(,[{\n\r\t");

    /// <summary>What may follow a value's closing quote (after blanks): a separator, a bracket, a line end.</summary>
    private static readonly SearchValues<char> Closers = SearchValues.Create(",;)]}\n\r\t");

    /// <summary>
    /// The text with one level of escapes decoded and, per decoded character, where it was written (<c>map[i]</c> to
    /// <c>map[i + 1]</c>; the last entry is the text's length); false when the text holds no JSON string or no escape. The
    /// map is rented: return it. JSON inside a JSON string is the decoded text's own JSON, read by the caller in turn.
    /// </summary>
    public static bool TryDecode(string text, out string decoded, out int[] map)
    {
        decoded = text;
        map = [];
        if (!HoldsJson(text) || text.IndexOf('\\') < 0)
        {
            return false;
        }

        if (DecodeOnce(text) is not { } next)
        {
            return false;
        }

        (decoded, map) = next;
        return true;
    }

    /// <summary>True when <paramref name="text"/> holds a JSON string (<c>{"</c>, <c>["</c>).</summary>
    public static bool HoldsJson(string text) => text.Contains("{\"", StringComparison.Ordinal) || text.Contains("[\"", StringComparison.Ordinal);

    /// <summary>
    /// The string values of a JSON text that read as a text of their own (a tool's output in <c>{"body": "beamer = …"}</c>:
    /// 16 characters or more with a blank, '=' or ':' in them; not keys), each decoded with a map from its characters to
    /// where they were written. A value's own opening is then the opening of what it holds, as the line was.
    /// </summary>
    public static List<(string Value, int[] Map)>? TextValues(string text)
    {
        // One pass per string finds its closing quote and decodes it (a serializer's escapes, each a stop of the
        // search, are most of a value's cost); only a value that reads as a text is kept.
        List<(string Value, int[] Map)>? values = null;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var map = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            for (var at = NextQuote(text, 0); at >= 0;)
            {
                var end = DecodeString(text, at + 1, buffer, map, out var length);
                if (end < 0)
                {
                    break;
                }

                var after = text.AsSpan(end + 1).TrimStart();
                var written = text.AsSpan(at + 1, end - at - 1);
                if (!(after.Length > 0 && after[0] == ':') && written.Length >= 16 && written.IndexOfAny(' ', '=', ':') >= 0)
                {
                    var kept = ArrayPool<int>.Shared.Rent(length + 1);
                    map.AsSpan(0, length + 1).CopyTo(kept);
                    (values ??= []).Add((new string(buffer, 0, length), kept));
                }

                at = NextQuote(text, end + 1);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<int>.Shared.Return(map);
        }

        return values;
    }

    /// <summary>
    /// From <paramref name="start"/> (just past an opening quote) to the string's closing quote, the characters decoded
    /// into <paramref name="buffer"/> with where each was written in <paramref name="map"/> (the closing quote's position
    /// after the last); returns the closing quote's position, or -1 when the string does not close. An escape never closes
    /// it; a backslash that opens no escape stands for itself, as <see cref="DecodeRange"/> reads it.
    /// </summary>
    private static int DecodeString(string text, int start, char[] buffer, int[] map, out int length)
    {
        length = 0;
        for (var at = start; at < text.Length;)
        {
            var run = text.AsSpan(at).IndexOfAny('"', '\\');
            if (run < 0)
            {
                return -1;
            }

            text.AsSpan(at, run).CopyTo(buffer.AsSpan(length));
            Positions.Count(map.AsSpan(length, run), at);
            length += run;
            at += run;
            if (text[at] == '"')
            {
                map[length] = at;
                return at;
            }

            var width = EscapeWidth(text, at);
            buffer[length] = width < 2 ? text[at] : Decode(text, at);
            map[length++] = at;
            at += Math.Max(1, width);
        }

        return -1;
    }

    /// <summary>
    /// Decodes the written characters from <paramref name="start"/> to <paramref name="end"/> into <paramref name="buffer"/>
    /// with, per decoded character, where it was written in <paramref name="map"/> (and <paramref name="end"/> after the
    /// last); returns the decoded length. The stretches between backslashes, most of a value, are copied as they stand.
    /// </summary>
    private static int DecodeRange(string text, int start, int end, char[] buffer, int[] map, out bool decodedAny)
    {
        var length = 0;
        decodedAny = false;
        for (var at = start; at < end;)
        {
            var backslash = text.AsSpan(at, end - at).IndexOf('\\');
            var run = backslash < 0 ? end - at : backslash;
            text.AsSpan(at, run).CopyTo(buffer.AsSpan(length));
            Positions.Count(map.AsSpan(length, run), at);

            length += run;
            at += run;
            if (at >= end)
            {
                break;
            }

            var width = Math.Min(EscapeWidth(text, at), end - at);
            buffer[length] = width < 2 ? text[at] : Decode(text, at);
            map[length++] = at;
            decodedAny |= width > 0;
            at += Math.Max(1, width);
        }

        map[length] = end;
        return length;
    }

    /// <summary>
    /// <paramref name="finding"/> of the decoded text as written: the characters that wrote it, or the whole written
    /// string value that holds it when it ends or starts at an escaped delimiter that does not pair around it; null when
    /// no written string value holds such a finding.
    /// </summary>
    public static SecretFinding? Written(string text, string decoded, int[] map, SecretFinding finding)
    {
        var start = finding.Start;
        var end = finding.Start + finding.Length;
        var written = finding with { Start = map[start], Length = map[end] - map[start] };
        var left = start > 0 && IsEscapedDelimiter(decoded, map, start - 1);
        var right = end < decoded.Length && IsEscapedDelimiter(decoded, map, end);
        if ((!left || OpensString(decoded, map, start - 1, end)) && (!right || ClosesString(decoded, map, start, end)))
        {
            return written;
        }

        return left && right && Pairs(decoded, start - 1, end) ? written : WholeValue(text, written);
    }

    /// <summary>
    /// True when a finding of the written text holds an escape, starts or ends inside one, or starts right after one or
    /// ends right before one: the written reading read the escape's characters as the value's or stopped at them.
    /// </summary>
    public static bool TouchesEscape(int[] map, int decodedLength, SecretFinding finding)
    {
        var first = Array.BinarySearch(map, 0, decodedLength + 1, finding.Start);
        var last = Array.BinarySearch(map, 0, decodedLength + 1, finding.Start + finding.Length);
        if (first < 0 || last < 0)
        {
            return true;
        }

        for (var i = Math.Max(0, first - 1); i <= last && i < decodedLength; i++)
        {
            if (map[i + 1] - map[i] > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the decoded text is JSON and the quote at <paramref name="end"/> closes the string the finding lies in
    /// (opened before it, written as escaped as it is, followed by a comma, a colon or a closing bracket): the quote of JSON
    /// serialized into a string. A quote escaped once more than the one that opened the string is the value's own
    /// (<c>"ab\",\"cd"</c> decodes to <c>"ab","cd"</c>, one value), so it closes nothing.
    /// </summary>
    private static bool ClosesString(string decoded, int[] map, int start, int end)
    {
        if (decoded[end] != '"' || !HoldsJson(decoded))
        {
            return false;
        }

        for (var at = NextQuote(decoded, 0); at >= 0 && at < start;)
        {
            var close = NextQuote(decoded, at + 1);
            if (close == end)
            {
                return WrittenWidth(map, at) == WrittenWidth(map, end) && ContinuesJson(decoded.AsSpan(end + 1));
            }

            if (close < 0 || close > start)
            {
                return false;
            }

            at = NextQuote(decoded, close + 1);
        }

        return false;
    }

    /// <summary>
    /// True when what follows a value's closing quote goes on as JSON: the end, a comma before the next string, a closing
    /// bracket before the end, a comma, another bracket or a quote (a colon would make it a key, which holds no secret). A value that merely holds
    /// a quote and a comma (<c>abc",def</c>) does not.
    /// </summary>
    private static bool ContinuesJson(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (rest.IsEmpty)
        {
            return true;
        }

        var next = rest[1..].TrimStart();
        return rest[0] switch
        {
            ',' => next is ['"', ..],
            '}' or ']' => next.IsEmpty || next[0] is ',' or '}' or ']' or '"',
            _ => false,
        };
    }

    /// <summary>
    /// True when the decoded text is JSON and the quote at <paramref name="open"/> opens a string (after a colon, a comma
    /// or an opening bracket) that holds the finding, closed by a quote written as escaped as it is.
    /// </summary>
    private static bool OpensString(string decoded, int[] map, int open, int end)
    {
        if (decoded[open] != '"' || !HoldsJson(decoded) || decoded.AsSpan(0, open).TrimEnd() is not [.., ':' or ',' or '[' or '{'])
        {
            return false;
        }

        for (var at = NextQuote(decoded, 0); at >= 0 && at <= open;)
        {
            var close = NextQuote(decoded, at + 1);
            if (at == open)
            {
                return close >= end && WrittenWidth(map, open) == WrittenWidth(map, close);
            }

            if (close < 0)
            {
                return false;
            }

            at = NextQuote(decoded, close + 1);
        }

        return false;
    }

    /// <summary>How many written characters wrote the decoded character at <paramref name="at"/> (1 when it was written as itself).</summary>
    private static int WrittenWidth(int[] map, int at) => map[at + 1] - map[at];

    /// <summary>Two escaped delimiters that close what they open around a value: quotes after an operator and before a separator, or an element's tags.</summary>
    private static bool Pairs(string decoded, int open, int close)
    {
        var (opening, closing) = (decoded[open], decoded[close]);
        if (opening == '>' && closing == '<')
        {
            return true;
        }

        if (opening != closing || opening is not ('"' or '\''))
        {
            return false;
        }

        var before = open - 1;
        while (before >= 0 && decoded[before] == ' ')
        {
            before--;
        }

        // The quotes of the strings that hold the value may follow (password = \"…\"" at the end of a body).
        var after = close + 1;
        while (after < decoded.Length && decoded[after] is ' ' or '"')
        {
            after++;
        }

        return (before < 0 || Openers.Contains(decoded[before])) && (after >= decoded.Length || Closers.Contains(decoded[after]));
    }

    /// <summary>
    /// A delimiter an escape wrote; a backslash only where it opens no escape of the decoded text (there it is the
    /// decoded text's own escape, which its own reading decodes in turn).
    /// </summary>
    private static bool IsEscapedDelimiter(string decoded, int[] map, int at)
        => map[at + 1] - map[at] > 1 && Delimiters.Contains(decoded[at]) && (decoded[at] != '\\' || EscapeWidth(decoded, at) == 0);

    /// <summary>The whole written string value (between its unescaped quotes) that holds <paramref name="written"/>, or null.</summary>
    private static SecretFinding? WholeValue(string text, SecretFinding written)
    {
        var end = written.Start + written.Length;
        for (var at = 0; at < text.Length;)
        {
            var open = NextQuote(text, at);
            if (open < 0 || open >= written.Start)
            {
                return null;
            }

            var close = NextQuote(text, open + 1);
            if (close < 0)
            {
                return null;
            }

            if (close >= end)
            {
                return written with { Start = open + 1, Length = close - open - 1 };
            }

            at = close + 1;
        }

        return null;
    }

    /// <summary>The next unescaped quote at or after <paramref name="from"/>, or -1.</summary>
    private static int NextQuote(string text, int from)
    {
        for (var at = from; at < text.Length;)
        {
            var found = text.AsSpan(at).IndexOfAny('"', '\\');
            if (found < 0)
            {
                return -1;
            }

            at += found;
            if (text[at] == '"')
            {
                return at;
            }

            at += 2;
        }

        return -1;
    }

    /// <summary>One level decoded with its map, or null when it holds no escape.</summary>
    private static (string Decoded, int[] Map)? DecodeOnce(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var map = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            var length = DecodeRange(text, 0, text.Length, buffer, map, out var any);
            if (!any)
            {
                ArrayPool<int>.Shared.Return(map);
                return null;
            }

            return (new string(buffer, 0, length), map);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>How many characters the escape at <paramref name="at"/> takes, or 0 when none starts there.</summary>
    private static int EscapeWidth(string text, int at)
    {
        if (text[at] != '\\' || at + 1 >= text.Length)
        {
            return 0;
        }

        return text[at + 1] switch
        {
            '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't' => 2,
            'u' when at + 5 < text.Length && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3]) && char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5]) => 6,
            _ => 0,
        };
    }

    private static char Decode(string text, int at) => text[at + 1] switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'b' or 'f' => ' ',
        'u' => (char)((Hex(text[at + 2]) << 12) | (Hex(text[at + 3]) << 8) | (Hex(text[at + 4]) << 4) | Hex(text[at + 5])),
        var other => other,
    };

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
