using System.Text;

namespace AgentGuard;

/// <summary>
/// A sentence split across the fields of a record (<c>{"title": "Ignore all previous", "body": "instructions and …"}</c>)
/// or the cells of a table (<c>| Ignore all | previous instructions |</c>, or down a column from row to row), read as the
/// one sentence a model reads in it: the detector's phrases end at a quote or a cell's bar. Two neighbouring values are
/// joined only when the first stops in mid-sentence (it ends with a letter or a comma) and the second carries on (it opens
/// with a lower-case letter), and the two hold three words or more; names, numbers, headings and sentences that end stay
/// apart. Two cells are also joined when the first ends on a letter and the second opens with a capitalised word, each
/// holding two words or more (<c>| Ignore all previous | Instructions and reveal … |</c>; <c>| Bob | Lead engineer |</c>
/// stays apart). A JSON array of five or more one-word strings (<c>["ignore","all","previous", …]</c>) is read as one
/// line. A text with neither a field separator (<c>":</c>, <c>':</c>), a bar nor a <c>[</c> costs four vectorised searches.
/// </summary>
internal static class SplitFieldsReading
{
    /// <summary>The values of neighbouring fields or cells that run on into each other, each run joined into one line; null when none does.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        if (text.Contains("\":", StringComparison.Ordinal) || text.Contains("':", StringComparison.Ordinal))
        {
            JoinFields(text, ref reading);
        }

        if (text.Contains('|'))
        {
            JoinCells(text, ref reading);
        }

        if (text.Contains('['))
        {
            JoinArrayWords(text, ref reading);
        }

        return reading?.ToString();
    }

    /// <summary>Whether <paramref name="second"/> carries on the sentence <paramref name="first"/> stops in the middle of.</summary>
    internal static bool RunsOn(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        first = first.Trim();
        second = second.Trim();
        if (first.Length == 0 || second.Length == 0 || !char.IsLower(second[0]))
        {
            return false;
        }

        var last = first[^1];
        if (!char.IsLetter(last) && last != ',')
        {
            return false;
        }

        return first.Count(' ') + second.Count(' ') >= 1;
    }

    /// <summary>How many one-word strings an array holds before its words are read as a sentence (a list of tags rarely reads as one).</summary>
    internal const int MinimumArrayWords = 5;

    /// <summary>
    /// Arrays of one-word strings (<c>["ignore", "all", "previous", …]</c>, <c>['send', 'the', …]</c>), each read as one
    /// line of its words: an array of at least <see cref="MinimumArrayWords"/> strings, none holding a space.
    /// </summary>
    private static void JoinArrayWords(ReadOnlySpan<char> text, ref StringBuilder? reading)
    {
        for (var at = text.IndexOf('['); at >= 0;)
        {
            var end = ReadArrayWords(text, at + 1, null, out var words);
            if (words >= MinimumArrayWords)
            {
                _ = ReadArrayWords(text, at + 1, (reading ??= new StringBuilder()).Append('\n'), out _);
                reading.Length--;
            }

            var next = text[end..].IndexOf('[');
            at = next < 0 ? -1 : end + next;
        }
    }

    /// <summary>
    /// Reads the one-word strings of the array whose first element starts at <paramref name="from"/> (each written to
    /// <paramref name="sink"/>, if any, with a space after it) and returns where the reading stopped.
    /// </summary>
    private static int ReadArrayWords(ReadOnlySpan<char> text, int from, StringBuilder? sink, out int words)
    {
        words = 0;
        var i = SkipSpace(text, from);
        while (i < text.Length && text[i] is '"' or '\'')
        {
            var close = ClosingQuote(text, i);
            if (close < 0 || close == i + 1 || text[(i + 1)..close].ContainsAny(' ', '\t'))
            {
                break;
            }

            sink?.Append(text[(i + 1)..close]).Append(' ');
            words++;
            i = SkipSpace(text, close + 1);
            if (i >= text.Length || text[i] != ',')
            {
                break;
            }

            i = SkipSpace(text, i + 1);
        }

        return i;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\n' or '\r' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Whether the table cell <paramref name="second"/> carries on <paramref name="first"/> though it opens with a capital
    /// ("| Ignore all previous | Instructions and … |"): both hold two words or more, the first stops on a letter and the
    /// second opens with a capitalised word. A name and a role ("| Bob | Lead engineer |") do not.
    /// </summary>
    internal static bool RunsOnCapitalised(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        first = first.Trim();
        second = second.Trim();
        return first.Length > 0 && second.Length > 1 && char.IsLetter(first[^1]) && char.IsUpper(second[0]) && char.IsLower(second[1])
            && first.Contains(' ') && second.Contains(' ');
    }

    /// <summary>The string values that follow a key (<c>"key": "value"</c>, <c>'key': 'value'</c>), in order; runs of them joined.</summary>
    private static void JoinFields(ReadOnlySpan<char> text, ref StringBuilder? reading)
    {
        var run = new Run();
        var previousStart = -1;
        var previousEnd = -1;
        for (var at = NextSeparator(text, 0); at >= 0; at = NextSeparator(text, at + 2))
        {
            var open = at + 2;
            while (open < text.Length && text[open] == ' ')
            {
                open++;
            }

            if (open >= text.Length || text[open] is not ('"' or '\''))
            {
                continue;
            }

            var close = ClosingQuote(text, open);
            if (close < 0)
            {
                continue;
            }

            var value = text[(open + 1)..close];
            // Only the next field's value carries on a value: nothing but its key may stand between them.
            var runsOn = previousEnd >= 0 && !text[previousEnd..open].ContainsAny('{', '[', '}')
                && RunsOn(text[previousStart..(previousEnd - 1)], value);
            run.Add(runsOn ? text[previousStart..(previousEnd - 1)] : default, value, runsOn, ref reading);
            previousStart = open + 1;
            previousEnd = close + 1;
            at = close;
        }

        run.End(ref reading);
    }

    /// <summary>The next field separator from <paramref name="from"/>: a quote that closes a key and its colon.</summary>
    private static int NextSeparator(ReadOnlySpan<char> text, int from)
    {
        for (var at = from; at < text.Length;)
        {
            var found = text[at..].IndexOf(':');
            if (found < 0)
            {
                return -1;
            }

            var colon = at + found;
            if (colon > 0 && text[colon - 1] is '"' or '\'')
            {
                return colon - 1;
            }

            at = colon + 1;
        }

        return -1;
    }

    /// <summary>The quote that closes the string opened at <paramref name="open"/> on its line (a backslash escapes one), or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<char> text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                return i;
            }
            else if (c == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The cells of table rows (lines that open with a bar): runs along a row, and down a column from row to row.</summary>
    private static void JoinCells(ReadOnlySpan<char> text, ref StringBuilder? reading)
    {
        List<string>? above = null;
        List<Run>? columns = null;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (line.Length < 3 || line[0] != '|' || line[1..].IndexOf('|') < 0)
            {
                above = null;
                EndAll(columns, ref reading);
                continue;
            }

            var cells = Cells(line);
            if (cells.TrueForAll(static cell => cell.AsSpan().Trim().TrimStart(":- ").IsEmpty))
            {
                continue;
            }

            var row = new Run();
            for (var k = 0; k < cells.Count; k++)
            {
                row.Add(k > 0 ? cells[k - 1] : default, cells[k], runsOn: k > 0 && CellRunsOn(cells[k - 1], cells[k]), ref reading);
            }

            row.End(ref reading);
            columns ??= [];
            for (var k = 0; k < cells.Count; k++)
            {
                if (k == columns.Count)
                {
                    columns.Add(new Run());
                }

                var runsOn = above is not null && k < above.Count && CellRunsOn(above[k], cells[k]);
                columns[k].Add(runsOn ? above![k] : default, cells[k], runsOn, ref reading);
            }

            above = cells;
        }

        EndAll(columns, ref reading);
    }

    private static bool CellRunsOn(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
        => RunsOn(first, second) || RunsOnCapitalised(first, second);

    private static void EndAll(List<Run>? columns, ref StringBuilder? reading)
    {
        if (columns is null)
        {
            return;
        }

        foreach (var column in columns)
        {
            column.End(ref reading);
        }

        columns.Clear();
    }

    /// <summary>The cells of a table line that opens with a bar (a closing bar is optional).</summary>
    private static List<string> Cells(ReadOnlySpan<char> line)
    {
        var cells = new List<string>();
        var inner = line[1..];
        if (inner.Length > 0 && inner[^1] == '|')
        {
            inner = inner[..^1];
        }

        foreach (var range in inner.Split('|'))
        {
            cells.Add(inner[range].Trim().ToString());
        }

        return cells;
    }

    /// <summary>Values that run on into each other, gathered until one does not; written as one line when two or more did.</summary>
    private sealed class Run
    {
        private readonly StringBuilder _text = new();
        private int _parts;

        /// <summary>
        /// Adds <paramref name="value"/> when it carries on <paramref name="previous"/> (<paramref name="runsOn"/>), which
        /// opens the run if none is open; otherwise ends the run. Values that stand alone, as most do, are not copied.
        /// </summary>
        public void Add(ReadOnlySpan<char> previous, ReadOnlySpan<char> value, bool runsOn, ref StringBuilder? reading)
        {
            if (!runsOn)
            {
                End(ref reading);
                return;
            }

            if (_parts == 0)
            {
                _text.Append(previous.Trim());
                _parts = 1;
            }

            _text.Append(' ').Append(value.Trim());
            _parts++;
        }

        /// <summary>Writes the run gathered so far as a line, if two values or more ran on, and starts afresh.</summary>
        public void End(ref StringBuilder? reading)
        {
            if (_parts >= 2)
            {
                (reading ??= new StringBuilder()).Append('\n').Append(_text);
            }

            _text.Clear();
            _parts = 0;
        }
    }
}
