namespace AgentGuard;

/// <summary>
/// The interiors of a JSON text's long string values, blanked for the readings of the whole text. Each string value that
/// holds a text is read as a text of its own (decoded, with its own values in turn); far from the value's ends the whole
/// text's readings, written and decoded, read the same characters again (a 10 KB message body was walked three times).
/// They keep each value's first and last <see cref="Edge"/> characters, to whole lines, where the key before a value and
/// the quotes around it still count; the lines between are blanked, with the same length so every position holds.
/// </summary>
internal static class SecretJsonInteriors
{
    /// <summary>How many of a value's characters at each end the whole text's readings keep.</summary>
    internal const int Edge = 512;

    /// <summary>
    /// The written stretches <c>[Start, End)</c> of the values' interiors: from the line after the first line break
    /// <see cref="Edge"/> characters into the decoded value to the last line break <see cref="Edge"/> characters before its
    /// end; null when no value is that long.
    /// </summary>
    public static List<(int Start, int End)>? Find(List<(string Value, int[] Map)>? values)
    {
        List<(int Start, int End)>? interiors = null;
        if (values is null)
        {
            return null;
        }

        foreach (var (value, map) in values)
        {
            if (value.Length <= 4 * Edge)
            {
                continue;
            }

            var first = value.IndexOf('\n', Edge);
            var last = value.LastIndexOf('\n', value.Length - Edge);
            if (first < 0 || last <= first + 1)
            {
                continue;
            }

            (interiors ??= []).Add((map[first + 1], map[last]));
        }

        return interiors;
    }

    /// <summary>The written stretches in the decoded text's positions (<paramref name="map"/> from decoded to written); a stretch whose ends are no decoded character's start is left out.</summary>
    public static List<(int Start, int End)> InDecoded(List<(int Start, int End)> written, int[] map, int decodedLength)
    {
        var decoded = new List<(int Start, int End)>(written.Count);
        foreach (var (start, end) in written)
        {
            var from = Array.BinarySearch(map, 0, decodedLength + 1, start);
            var to = Array.BinarySearch(map, 0, decodedLength + 1, end);
            if (from >= 0 && to > from)
            {
                decoded.Add((from, to));
            }
        }

        return decoded;
    }

    /// <summary><paramref name="text"/> with the <paramref name="stretches"/> blanked (spaces), its length unchanged.</summary>
    public static string Blanked(string text, List<(int Start, int End)> stretches)
    {
        if (stretches.Count == 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, stretches), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            foreach (var (start, end) in state.stretches)
            {
                span[start..end].Fill(' ');
            }
        });
    }
}
