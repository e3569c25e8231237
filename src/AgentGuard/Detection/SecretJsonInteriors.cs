namespace AgentGuard;

/// <summary>
/// The interiors of a JSON text's long string values, cut for the readings of the whole text. Each string value that
/// holds a text is read as a text of its own (decoded, with its own values in turn); far from the value's ends the whole
/// text's readings, written and decoded, read the same characters again (a 10 KB message body was walked three times).
/// They keep each value's first and last <see cref="Edge"/> characters, to whole lines, where the key before a value and
/// the quotes around it still count; the lines between are cut to a gap of spaces, and findings are mapped back across it.
/// </summary>
internal static class SecretJsonInteriors
{
    /// <summary>How many of a value's characters at each end the whole text's readings keep.</summary>
    internal const int Edge = 256;

    /// <summary>How long a value must be for its interior to be cut.</summary>
    internal const int LongValue = 2048;

    /// <summary>How many spaces stand for an interior in a compacted text.</summary>
    internal const int Gap = 64;

    /// <summary>The lines that open and close a block read whole (a private key, a certificate).</summary>
    private const string BlockBegin = "-----BEGIN";
    private const string BlockEnd = "-----END";

    /// <summary>
    /// The written stretches <c>[Start, End)</c> of the interiors of values longer than <see cref="LongValue"/>: from the
    /// line after the first line break <see cref="Edge"/> characters into the decoded value (or after the END line of a
    /// block the head opens) to the last line break <see cref="Edge"/> characters before its end; null when there is none.
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
            if (value.Length <= LongValue)
            {
                continue;
            }

            var first = value.IndexOf('\n', HeadEnd(value));
            var last = value.LastIndexOf('\n', value.Length - Edge);
            if (first < 0 || last <= first + 1)
            {
                continue;
            }

            (interiors ??= []).Add((map[first + 1], map[last]));
        }

        return interiors;
    }

    /// <summary>
    /// Where the kept head may end: <see cref="Edge"/> characters in, or past the END line of a BEGIN/END block that
    /// starts in the head (a private key at a value's start is read whole, as it is in the line itself).
    /// </summary>
    private static int HeadEnd(string value)
    {
        var begin = value.AsSpan(0, Edge).LastIndexOf(BlockBegin, StringComparison.Ordinal);
        if (begin < 0)
        {
            return Edge;
        }

        var end = value.IndexOf(BlockEnd, begin, StringComparison.Ordinal);
        return end < 0 ? value.Length : Math.Max(Edge, end);
    }

    /// <summary>
    /// <paramref name="text"/> with each of the <paramref name="stretches"/> (in text order, apart) replaced by
    /// <see cref="Gap"/> spaces: what the blanked interior was to the whole text's readings, without walking it. The
    /// stretches lie inside string values and start and end at a written character's start, so the text stays the same
    /// JSON and decodes to the decoded text with the same interiors cut.
    /// </summary>
    public static Compaction Compacted(string text, List<(int Start, int End)> stretches)
    {
        var length = text.Length;
        foreach (var (start, end) in stretches)
        {
            length -= end - start - Gap;
        }

        var cuts = new (int At, int Shift)[stretches.Count];
        var compact = string.Create(length, (text, stretches, cuts), static (span, state) =>
        {
            var written = 0;
            var shift = 0;
            for (var i = 0; i < state.stretches.Count; i++)
            {
                var (start, end) = state.stretches[i];
                var kept = state.text.AsSpan(written, start - written);
                kept.CopyTo(span);
                span[kept.Length..(kept.Length + Gap)].Fill(' ');
                span = span[(kept.Length + Gap)..];
                shift += end - start - Gap;
                state.cuts[i] = (end - shift, shift);
                written = end;
            }

            state.text.AsSpan(written).CopyTo(span);
        });
        return new Compaction(compact, cuts);
    }

    /// <summary>
    /// A compacted text and where its gaps end: <c>At</c>, a position in the compacted text from which on positions are
    /// <c>Shift</c> characters short of the written text's (a position inside a gap stands for the interior's first characters).
    /// </summary>
    internal sealed record Compaction(string Text, (int At, int Shift)[] Cuts)
    {
        /// <summary>The findings of the compacted text at the written text's positions.</summary>
        public List<SecretFinding> Restored(List<SecretFinding> findings)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                var start = Written(finding.Start);
                findings[i] = finding with { Start = start, Length = Written(finding.Start + finding.Length) - start };
            }

            return findings;
        }

        private int Written(int position)
        {
            var shift = 0;
            foreach (var (at, cut) in Cuts)
            {
                if (position < at)
                {
                    break;
                }

                shift = cut;
            }

            return position + shift;
        }
    }
}
