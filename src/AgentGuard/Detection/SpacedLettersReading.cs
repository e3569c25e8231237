using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Letters spaced apart by single spaces with a mark standing between the words ("i g n o r e / a l l / p r e v i o u s",
/// "i g n o r e | a l l", "i g n o r e . a l l"), read as the words a model reads in them. <see cref="PlainReading"/>
/// joins spaced letters only on lines whose word breaks are runs of spaces; here the word break is a mark, so a line has
/// no repeated space to be read for. A line that holds a run of at least <see cref="MinimumLetters"/> letters, each
/// standing alone with one space between them, is read again with every such run written as its word and the marks
/// between runs read as word breaks. Ordinary text rarely holds two one-letter words in a row, so one vectorised pass
/// stops only where spaces stand at three places two apart with none between (<see cref="NextCandidate"/>).
/// </summary>
internal static class SpacedLettersReading
{
    /// <summary>How many spaced letters in a row send a line here ("N A S A" does, "A B C" and "Plan A or B" do not).</summary>
    internal const int MinimumLetters = LetterRuns.MinimumLetters;

    /// <summary>The lines of <paramref name="text"/> that hold letters spaced apart, each with its runs joined into words; null when none does.</summary>
    public static string? Of(ReadOnlySpan<char> text) => LetterRuns.Of<Joint>(text);

    /// <summary>
    /// The first position from <paramref name="from"/> where a space may join the first two letters of a spaced run: a
    /// space there, and two and four places on, with no space between; -1 when there is none.
    /// </summary>
    internal static int NextCandidate(ReadOnlySpan<char> text, int from) => LetterRuns.NextCandidate<Joint>(text, from);

    /// <summary>
    /// How many letters the spaced run that opens at <paramref name="at"/> holds: a letter standing alone, then (one space,
    /// a letter standing alone) repeated; 1 when none follows.
    /// </summary>
    private static int RunLength(ReadOnlySpan<char> text, int at)
    {
        if (!StandsAlone(text, at))
        {
            return 1;
        }

        var letters = 1;
        for (var i = at + 1; i + 1 < text.Length && text[i] == ' ' && StandsAlone(text, i + 1); i += 2)
        {
            letters++;
        }

        return letters;
    }

    /// <summary>A letter with neither a letter nor a digit beside it.</summary>
    private static bool StandsAlone(ReadOnlySpan<char> text, int at)
        => char.IsLetter(text[at]) && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + 1 == text.Length || !char.IsLetterOrDigit(text[at + 1]));

    /// <summary>
    /// The line with every spaced run of two or more letters written as its word, and what stands between two such words
    /// (spaces and marks: " / ", " | ", " . ", "  ") written as one space.
    /// </summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> line)
    {
        var afterWord = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var letters = RunLength(line, i);
            if (letters < 2)
            {
                reading.Append(line[i]);
                continue;
            }

            if (afterWord >= 0 && IsWordBreak(line[afterWord..i]))
            {
                reading.Length -= i - afterWord;
                reading.Append(' ');
            }

            if (letters >= WordBreaks.MinimumLetters)
            {
                // Single spaces between the words too: the breaks are lost, so they are found again against known words.
                var joined = new char[letters];
                for (var k = 0; k < letters; k++)
                {
                    joined[k] = line[i + (2 * k)];
                }

                WordBreaks.Append(reading, joined);
            }
            else
            {
                for (var k = 0; k < letters; k++)
                {
                    reading.Append(line[i + (2 * k)]);
                }
            }

            i += (2 * letters) - 2;
            afterWord = i + 1;
        }
    }

    /// <summary>What stands between two spaced words: spaces, and marks that are neither letters nor digits, at most three of them.</summary>
    private static bool IsWordBreak(ReadOnlySpan<char> between)
    {
        var marks = 0;
        foreach (var c in between)
        {
            if (char.IsLetterOrDigit(c) || c == '\n')
            {
                return false;
            }

            marks += c == ' ' ? 0 : 1;
        }

        return marks <= 3;
    }

    /// <summary>A space joins the letters.</summary>
    private readonly struct Joint : LetterRuns.IJoint
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(Vector256<ushort> chars) => Vector256.Equals(chars, Vector256.Create((ushort)' ')).ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsJoint(char c) => c == ' ';

        public static int RunLength(ReadOnlySpan<char> text, int at) => SpacedLettersReading.RunLength(text, at);

        public static void Append(StringBuilder reading, ReadOnlySpan<char> line) => SpacedLettersReading.Append(reading, line);
    }
}
