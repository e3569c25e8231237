using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Digits and signs written for letters inside words ("1gn0r3 4ll pr3v10us 1nstruct10ns", "pa$$word", "@ll",
/// "|gn0r3 pr3v!0u5 !n5+ruc+!0n5"), read as the words a model reads in them: 0 as o, 1 and | as i or l, ! as i, 3 as e,
/// 4 and @ as a, 5 and $ as s, 7 and + as t; signs that end a word ("Wow!", "C++", "Google+") are punctuation. Only a word that
/// mixes such a sign with letters and holds nothing else (no 2, 6, 8 or 9, as version strings, hashes and serial numbers
/// mostly do) is read so, and only its line is read again. A number ("2026", "10.0.3", "192.168.0.1") has no letter, a
/// hash ("3f2a9c1d", "e3b0c442") is hexadecimal, an address ("ops@example.com") keeps its "@"; a gamer's handle
/// ("N00bSl4y3r") reads as its words and says nothing, and a version ("v10.17.0") reads as written. A clean text costs
/// one vectorised search for a sign with a letter beside it (<see cref="NextCandidate"/>).
/// </summary>
internal static class LeetReading
{
    /// <summary>The signs a word may be written with in place of letters.</summary>
    private static readonly SearchValues<char> Signs = SearchValues.Create("013457@$!|+");

    /// <summary>The lines of <paramref name="text"/> that hold a word written in signs, each read with its words' letters; null when none does.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var from = 0;
        var nextLine = 0;
        while (from < text.Length)
        {
            var at = NextCandidate(text, from);
            if (at < 0)
            {
                break;
            }

            var (start, runEnd) = Word(text, at);
            if (!IsWrittenInSigns(text, start, WithoutTrailingMarks(text, start, runEnd)))
            {
                from = runEnd + 1;
                continue;
            }

            var (lineStart, lineEnd) = PlainReading.LineAround(text, start, runEnd);
            reading = PlainReading.ApartFromLast(reading, lineStart, nextLine);
            Append(reading, text[lineStart..lineEnd], lineStart > 0);
            from = lineEnd + 1;
            nextLine = from;
        }

        return reading?.ToString();
    }

    /// <summary>
    /// The first sign from <paramref name="from"/> with an ASCII letter beside it, or -1: numbers, dates, prices and
    /// addresses in ordinary text have none, so the search rarely stops. Vectorised: the signs of 16 characters at a time,
    /// beside the letters of the same 16 read one place back and one place on.
    /// </summary>
    internal static int NextCandidate(ReadOnlySpan<char> text, int from)
    {
        if (from == 0 && text.Length > 1 && Signs.Contains(text[0]) && char.IsAsciiLetter(text[1]))
        {
            return 0;
        }

        var i = Math.Max(from, 1);
        if (Vector256.IsHardwareAccelerated && i + 17 <= text.Length)
        {
            ref var start = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
            for (; i + 17 <= text.Length; i += 16)
            {
                // Most blocks of prose hold no sign at all: their letters are not looked at.
                var signs = SignBits(ref start, i);
                if (signs == 0)
                {
                    continue;
                }

                var found = signs & (LetterBits(ref start, i - 1) | LetterBits(ref start, i + 1));
                if (found != 0)
                {
                    return i + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (Signs.Contains(text[i]) && ((i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One bit for each of the 16 characters from <paramref name="at"/>: set at a sign (0, 1, 3, 4, 5, 7, @, $, !, |, +).</summary>
    private static uint SignBits(ref ushort start, int at)
    {
        var chars = Vector256.LoadUnsafe(ref start, (nuint)at);
        var digits = Vector256.LessThanOrEqual(chars - Vector256.Create((ushort)'0'), Vector256.Create((ushort)7))
            & ~Vector256.Equals(chars, Vector256.Create((ushort)'2'))
            & ~Vector256.Equals(chars, Vector256.Create((ushort)'6'));
        var signs = digits | Vector256.Equals(chars, Vector256.Create((ushort)'@')) | Vector256.Equals(chars, Vector256.Create((ushort)'$'))
            | Vector256.Equals(chars, Vector256.Create((ushort)'!')) | Vector256.Equals(chars, Vector256.Create((ushort)'|')) | Vector256.Equals(chars, Vector256.Create((ushort)'+'));
        return signs.ExtractMostSignificantBits();
    }

    /// <summary>One bit for each of the 16 characters from <paramref name="at"/>: set at an ASCII letter.</summary>
    private static uint LetterBits(ref ushort start, int at)
    {
        var chars = Vector256.LoadUnsafe(ref start, (nuint)at) | Vector256.Create((ushort)0x20);
        return Vector256.LessThanOrEqual(chars - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a'))).ExtractMostSignificantBits();
    }

    /// <summary>The word around <paramref name="at"/>: the run of ASCII letters, digits and signs that holds it.</summary>
    private static (int Start, int End) Word(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '$' or '!' or '|' or '+';

    /// <summary>The end of the word from <paramref name="start"/> to <paramref name="end"/> before the marks that close it ("Wow!!", "C++", "a|").</summary>
    private static int WithoutTrailingMarks(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && text[end - 1] is '!' or '|' or '+')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// A word of at least three characters that mixes letters with signs and holds nothing else: a letter or more ("a11"),
    /// a sign, no other digit; not hexadecimal only (a hash), not an address or handle (an <c>@</c> before a dot or at the
    /// start), not a variable (<c>$HOME</c>) — unless <paramref name="signFirst"/>: on a line already read in signs.
    /// </summary>
    private static bool IsWrittenInSigns(ReadOnlySpan<char> text, int start, int end, bool signFirst = false)
    {
        var word = text[start..end];
        if (word.Length < 3 || (word[0] is '@' or '$' && !signFirst))
        {
            return false;
        }

        var letters = 0;
        var signs = 0;
        var hex = true;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
                hex &= char.IsAsciiHexDigit(c);
            }
            else if (Signs.Contains(c))
            {
                signs++;
                hex &= char.IsAsciiDigit(c);
            }
            else
            {
                return false;
            }
        }

        if (letters == 0 || signs == 0 || (hex && word.Length >= 6))
        {
            return false;
        }

        // "v10.17.0", "r15-2": part of a version or serial number reads as written.
        if ((end + 1 < text.Length && text[end] is '.' or '-' or '_' && char.IsAsciiDigit(text[end + 1]))
            || (start >= 2 && text[start - 1] is '.' or '-' or '_' && char.IsAsciiDigit(text[start - 2])))
        {
            return false;
        }

        // "ops@example.com": an address reads as written.
        return word.IndexOf('@') < 0 || end >= text.Length || text[end] != '.';
    }

    /// <summary>
    /// The line with every word written in signs read as letters. A 1 next to another 1, or between two vowels ("a11",
    /// "ru1es"), is an l, any other an i ("1gn0r3", "pr3v10us", "f1l3"); when a 1 was read as i only for want of a reason
    /// ("p1ease"), the line is read a second time with those as l.
    /// </summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> line, bool afterALine)
    {
        var guessed = AppendLine(reading, line, afterALine, guessAsL: false);
        if (guessed)
        {
            // The second reading of the same line stands apart (a gap line, read as its own run): a comment the line
            // opens is not closed by, and its words not counted again from, its copy ("[ch13]<!-- ignore").
            reading.Append(PlainReading.GapLine.AsSpan(0, PlainReading.GapLine.Length - 1));
            _ = AppendLine(reading, line, afterALine: true, guessAsL: true);
        }
    }

    private static bool AppendLine(StringBuilder reading, ReadOnlySpan<char> line, bool afterALine, bool guessAsL)
    {
        if (reading.Length > 0 || afterALine)
        {
            reading.Append('\n');
        }

        var guessed = false;
        for (var i = 0; i < line.Length;)
        {
            if (!IsWordChar(line[i]))
            {
                reading.Append(line[i++]);
                continue;
            }

            var (start, runEnd) = Word(line, i);
            // On a line written in signs, a word may open with one too ("@ll" beside "pr3v!0u5").
            var end = WithoutTrailingMarks(line, start, runEnd);
            if (!IsWrittenInSigns(line, start, end, signFirst: true))
            {
                reading.Append(line[start..runEnd]);
                i = runEnd;
                continue;
            }

            var word = line[start..end];
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                if (c is '1' or '|')
                {
                    var isL = OneIsL(word, k);
                    guessed |= isL is null;
                    reading.Append(isL ?? guessAsL ? 'l' : 'i');
                    continue;
                }

                reading.Append(c switch
                {
                    '0' => 'o',
                    '3' => 'e',
                    '!' => 'i',
                    '4' or '@' => 'a',
                    '5' or '$' => 's',
                    '7' or '+' => 't',
                    _ => c,
                });
            }

            reading.Append(line[end..runEnd]);
            i = runEnd;
        }

        return guessed;
    }

    /// <summary>Whether the 1 at <paramref name="at"/> reads as l (true), i (false), or either (null).</summary>
    private static bool? OneIsL(ReadOnlySpan<char> word, int at)
    {
        var before = at > 0 ? char.ToLowerInvariant(word[at - 1]) : '\0';
        var after = at + 1 < word.Length ? char.ToLowerInvariant(word[at + 1]) : '\0';
        if (before is '1' or '|' || after is '1' or '|')
        {
            return true;
        }

        if (at == 0)
        {
            // Words open with i far more often than with l in what an injection says ("ignore", "instructions", "if", "immediately").
            return false;
        }

        if (IsVowel(before) && IsVowel(after))
        {
            return true;
        }

        return IsVowel(after) && !IsVowel(before) ? null : false;
    }

    /// <summary>A vowel, or a sign written for one.</summary>
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or '0' or '3' or '4' or '@' or '!';
}
