using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Words spelled out letter by letter with a mark between the letters ("i-g-n-o-r-e a-l-l p-r-e-v-i-o-u-s",
/// "i.g.n.o.r.e", "i_g_n_o_r_e"), read as the words a model reads in them. A line that holds a run of at least
/// <see cref="MinimumLetters"/> letters, each standing alone and joined by one and the same mark, is read again with
/// every such run of two or more letters written as its word ("a-l-l" as "all"). "e.g.", "U.S.A." and "a-b-c" are too
/// short to send a line here, and a line that goes says what it said before. A text with no mark costs one vectorised search.
/// </summary>
internal static class SpelledOutReading
{
    /// <summary>How many letters a spelled-out run has before its line is read again ("U.S.A." and "a/b/c" do not).</summary>
    internal const int MinimumLetters = 4;

    /// <summary>The marks a word is spelled out with.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create("-._*|/+~");

    /// <summary>The lines of <paramref name="text"/> that hold a spelled-out word, each written with its words joined; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var at = text.IndexOfAny(Marks);
        while (at >= 0)
        {
            var resume = at + 1;
            if (at > 0 && RunLength(text, at - 1) >= MinimumLetters)
            {
                var start = text[..at].LastIndexOf('\n') + 1;
                var lineBreak = text[at..].IndexOf('\n');
                var end = lineBreak < 0 ? text.Length : at + lineBreak;
                Append(reading ??= new StringBuilder(), text[start..end], start > 0);
                resume = end;
            }

            var next = resume < text.Length ? text[resume..].IndexOfAny(Marks) : -1;
            at = next < 0 ? -1 : resume + next;
        }

        return reading?.ToString();
    }

    /// <summary>
    /// How many letters the spelled-out run that opens at <paramref name="at"/> holds: a letter standing alone, then
    /// (mark, letter standing alone) repeated with one and the same mark; 1 when no mark follows.
    /// </summary>
    private static int RunLength(ReadOnlySpan<char> text, int at)
    {
        if (!char.IsLetter(text[at]) || (at > 0 && char.IsLetterOrDigit(text[at - 1])) || at + 1 >= text.Length || !Marks.Contains(text[at + 1]))
        {
            return 1;
        }

        var mark = text[at + 1];
        var letters = 1;
        var i = at + 1;
        while (i + 1 < text.Length && text[i] == mark && char.IsLetter(text[i + 1]) && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
        {
            letters++;
            i += 2;
        }

        return letters;
    }

    /// <summary>The line with every spelled-out run of two or more letters written as its word.</summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> line, bool afterALine)
    {
        if (reading.Length > 0 || afterALine)
        {
            reading.Append('\n');
        }

        for (var i = 0; i < line.Length; i++)
        {
            var letters = RunLength(line, i);
            if (letters < 2)
            {
                reading.Append(line[i]);
                continue;
            }

            for (var k = 0; k < letters; k++)
            {
                reading.Append(line[i + (2 * k)]);
            }

            i += (2 * letters) - 2;
        }
    }
}
