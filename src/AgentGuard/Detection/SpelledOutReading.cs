using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Words spelled out letter by letter with a mark between the letters ("i-g-n-o-r-e a-l-l p-r-e-v-i-o-u-s",
/// "i.g.n.o.r.e", "i_g_n_o_r_e"), read as the words a model reads in them. A line that holds a run of at least
/// <see cref="MinimumLetters"/> letters, each standing alone and joined by one and the same mark, is read again with
/// every such run of two or more letters written as its word ("a-l-l" as "all"). "e.g.", "U.S.A." and "a-b-c" are too
/// short to send a line here, and a line that goes says what it said before. Ordinary text holds a mark every few dozen
/// characters, so the search does not stop at marks: one vectorised pass stops only where one and the same character
/// stands at three places two apart with another between (<see cref="NextCandidate"/>), which a run of four letters needs.
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
        var at = NextCandidate(text, 0);
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

            at = NextCandidate(text, resume);
        }

        return reading?.ToString();
    }

    /// <summary>
    /// The first position from <paramref name="from"/> that may join the first and second letters of a run of
    /// <see cref="MinimumLetters"/> (the character there stands again two and four places on, a different one between, and
    /// it is no space or control character), or -1. Every mark that opens such a run is found; so are a few others ("1.2.3.4",
    /// "a b c"), which <see cref="RunLength"/> rules out.
    /// </summary>
    internal static int NextCandidate(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        ref var start = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
        if (Vector256.IsHardwareAccelerated)
        {
            var space = Vector256.Create((ushort)' ');
            for (; i + Vector256<ushort>.Count + 4 <= text.Length; i += Vector256<ushort>.Count)
            {
                var at = Vector256.LoadUnsafe(ref start, (nuint)i);
                var between = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                var twoOn = Vector256.LoadUnsafe(ref start, (nuint)(i + 2));
                var fourOn = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                var found = Vector256.Equals(at, twoOn) & Vector256.Equals(at, fourOn) & Vector256.GreaterThan(at, space);
                found = Vector256.AndNot(found, Vector256.Equals(at, between));
                if (found != Vector256<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits());
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((ushort)' ');
            for (; i + Vector128<ushort>.Count + 4 <= text.Length; i += Vector128<ushort>.Count)
            {
                var at = Vector128.LoadUnsafe(ref start, (nuint)i);
                var found = Vector128.Equals(at, Vector128.LoadUnsafe(ref start, (nuint)(i + 2))) & Vector128.Equals(at, Vector128.LoadUnsafe(ref start, (nuint)(i + 4))) & Vector128.GreaterThan(at, space);
                found = Vector128.AndNot(found, Vector128.Equals(at, Vector128.LoadUnsafe(ref start, (nuint)(i + 1))));
                if (found != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits());
                }
            }
        }

        for (; i + 4 < text.Length; i++)
        {
            var c = text[i];
            if (c > ' ' && text[i + 2] == c && text[i + 4] == c && text[i + 1] != c)
            {
                return i;
            }
        }

        return -1;
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
