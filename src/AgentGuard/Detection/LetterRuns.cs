using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace AgentGuard;

/// <summary>
/// The scan shared by the readings of words written letter by letter with a joint between the letters (a mark in
/// <see cref="SpelledOutReading"/>, a space in <see cref="SpacedLettersReading"/>): find a line that holds a run of at
/// least four letters, each standing alone with a joint after it, and append that line as the reading writes it. One
/// vectorised pass stops only where joints stand at three places two apart with none between, which such a run needs.
/// </summary>
internal static class LetterRuns
{
    /// <summary>How many letters a run has before its line is read again ("U.S.A.", "a/b/c" and "A B C" do not).</summary>
    internal const int MinimumLetters = 4;

    /// <summary>One reading: what joins its letters, how long a run is, and how it writes a line.</summary>
    internal interface IJoint
    {
        /// <summary>One bit for each of the 16 characters: set where a joint (or a character the scalar test also takes) stands.</summary>
        static abstract uint Bits(Vector256<ushort> chars);

        /// <summary>The scalar form of <see cref="Bits"/>, for the text's last characters.</summary>
        static abstract bool IsJoint(char c);

        /// <summary>How many letters the run that opens at <paramref name="at"/> holds; 1 when it is no run.</summary>
        static abstract int RunLength(ReadOnlySpan<char> text, int at);

        /// <summary>Appends <paramref name="line"/> as the reading writes it.</summary>
        static abstract void Append(StringBuilder reading, ReadOnlySpan<char> line);
    }

    /// <summary>The lines of <paramref name="text"/> that hold a run of <typeparamref name="TJoint"/>, each as the reading writes it; null when none does.</summary>
    public static string? Of<TJoint>(ReadOnlySpan<char> text)
        where TJoint : struct, IJoint
    {
        StringBuilder? reading = null;
        var at = NextCandidate<TJoint>(text, 0);
        while (at >= 0)
        {
            var resume = at + 1;
            if (at > 0 && TJoint.RunLength(text, at - 1) >= MinimumLetters)
            {
                var start = text[..at].LastIndexOf('\n') + 1;
                var lineBreak = text[at..].IndexOf('\n');
                var end = lineBreak < 0 ? text.Length : at + lineBreak;
                reading ??= new StringBuilder();
                if (reading.Length > 0 || start > 0)
                {
                    reading.Append('\n');
                }

                TJoint.Append(reading, text[start..end]);
                resume = end;
            }

            at = NextCandidate<TJoint>(text, resume);
        }

        return reading?.ToString();
    }

    /// <summary>
    /// The first position from <paramref name="from"/> that may join the first two letters of a run: a joint there, and
    /// two and four places on, with none between; -1 when there is none. Vectorised: the joints of 16 characters at a
    /// time, the next 16 beside them for the four places on.
    /// </summary>
    public static int NextCandidate<TJoint>(ReadOnlySpan<char> text, int from)
        where TJoint : struct, IJoint
    {
        var i = from;
        if (Vector256.IsHardwareAccelerated && i + 32 <= text.Length)
        {
            ref var start = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
            var current = TJoint.Bits(Vector256.LoadUnsafe(ref start, (nuint)i));
            for (; i + 32 <= text.Length; i += 16)
            {
                var next = TJoint.Bits(Vector256.LoadUnsafe(ref start, (nuint)(i + 16)));
                var joints = current | (next << 16);
                var found = joints & (joints >> 2) & (joints >> 4) & ~(joints >> 1) & ~(joints >> 3) & 0xFFFF;
                if (found != 0)
                {
                    return i + BitOperations.TrailingZeroCount(found);
                }

                current = next;
            }
        }

        for (; i + 4 < text.Length; i++)
        {
            if (TJoint.IsJoint(text[i]) && TJoint.IsJoint(text[i + 2]) && TJoint.IsJoint(text[i + 4]) && !TJoint.IsJoint(text[i + 1]) && !TJoint.IsJoint(text[i + 3]))
            {
                return i;
            }
        }

        return -1;
    }
}
