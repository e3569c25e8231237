using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Words spelled out letter by letter with a mark between the letters ("i-g-n-o-r-e a-l-l p-r-e-v-i-o-u-s",
/// "i.g.n.o.r.e", "i_g_n_o_r_e", mixed as in "i-g.n-o.r-e"), read as the words a model reads in them. A line that holds a
/// run of at least <see cref="MinimumLetters"/> letters, each standing alone and joined by marks, is read again with
/// every such run of two or more letters written as its word ("a-l-l" as "all"). "e.g.", "U.S.A." and "a-b-c" are too
/// short to send a line here, and a line that goes says what it said before. Ordinary text holds a mark every few dozen
/// characters, so the search does not stop at marks: one vectorised pass stops only where marks stand at three places two
/// apart with none between (<see cref="NextCandidate"/>), which a run of four letters needs.
/// </summary>
internal static class SpelledOutReading
{
    /// <summary>How many letters a spelled-out run has before its line is read again ("U.S.A." and "a/b/c" do not).</summary>
    internal const int MinimumLetters = LetterRuns.MinimumLetters;

    /// <summary>The marks a word is spelled out with.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create("-._*|/+~");

    /// <summary>The lines of <paramref name="text"/> that hold a spelled-out word, each written with its words joined; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text) => LetterRuns.Of<Joint>(text);

    /// <summary>
    /// The first position from <paramref name="from"/> that may join the first and second letters of a run of
    /// <see cref="MinimumLetters"/> (a mark there, and two and four places on, with no mark between), or -1. The marks
    /// need not be one and the same ("i-g.n_o.r-e"); every mark that opens such a run is found, and so are a few others
    /// ("1.2.3", "a,b,c"), which <see cref="RunLength"/> rules out.
    /// </summary>
    internal static int NextCandidate(ReadOnlySpan<char> text, int from) => LetterRuns.NextCandidate<Joint>(text, from);

    /// <summary>
    /// One bit for each of 16 characters: set where <see cref="IsMark"/> holds (<c>*</c> to <c>/</c> in one unsigned
    /// compare, then <c>_</c>, <c>|</c> and <c>~</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MarkBits(Vector256<ushort> chars)
    {
        var marks = Vector256.LessThanOrEqual(chars - Vector256.Create((ushort)'*'), Vector256.Create((ushort)('/' - '*')))
            | Vector256.Equals(chars, Vector256.Create((ushort)'_'))
            | Vector256.Equals(chars, Vector256.Create((ushort)'|'))
            | Vector256.Equals(chars, Vector256.Create((ushort)'~'));
        return marks.ExtractMostSignificantBits();
    }

    /// <summary>The gate's marks: <see cref="Marks"/> and the comma beside them (<c>*+,-./</c>, <c>_</c>, <c>|</c>, <c>~</c>).</summary>
    private static bool IsMark(char c) => (uint)(c - '*') <= '/' - '*' || c is '_' or '|' or '~';

    /// <summary>
    /// How many letters the spelled-out run that opens at <paramref name="at"/> holds: a letter standing alone, then
    /// (mark, letter standing alone) repeated, the marks the same or mixed ("a_l.l"); 1 when no mark follows.
    /// </summary>
    private static int RunLength(ReadOnlySpan<char> text, int at)
    {
        if (!char.IsLetter(text[at]) || (at > 0 && char.IsLetterOrDigit(text[at - 1])) || at + 1 >= text.Length || !Marks.Contains(text[at + 1]))
        {
            return 1;
        }

        var letters = 1;
        var i = at + 1;
        while (i + 1 < text.Length && Marks.Contains(text[i]) && char.IsLetter(text[i + 1]) && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
        {
            letters++;
            i += 2;
        }

        return letters;
    }

    /// <summary>The line with every spelled-out run of two or more letters written as its word.</summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> line)
    {
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

    /// <summary>A mark joins the letters.</summary>
    private readonly struct Joint : LetterRuns.IJoint
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(Vector256<ushort> chars) => MarkBits(chars);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsJoint(char c) => IsMark(c);

        public static int RunLength(ReadOnlySpan<char> text, int at) => SpelledOutReading.RunLength(text, at);

        public static void Append(StringBuilder reading, ReadOnlySpan<char> line) => SpelledOutReading.Append(reading, line);
    }
}
