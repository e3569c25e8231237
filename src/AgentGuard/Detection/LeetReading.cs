using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Digits and signs written for letters inside words ("1gn0r3 4ll pr3v10us 1nstruct10ns", "pa$$word", "@ll"), read as
/// the words a model reads in them: 0 as o, 1 as i or l, 3 as e, 4 and @ as a, 5 and $ as s, 7 as t. Only a word that
/// mixes such a sign with letters and holds nothing else (no 2, 6, 8 or 9, as version strings, hashes and serial numbers
/// mostly do) is read so, and only its line is read again. A number ("2026", "10.0.3", "192.168.0.1") has no letter, a
/// hash ("3f2a9c1d", "e3b0c442") is hexadecimal, an address ("ops@example.com") keeps its "@"; a gamer's handle
/// ("N00bSl4y3r") reads as its words and says nothing. A clean text costs one vectorised search for the signs and a look
/// beside each number it finds.
/// </summary>
internal static class LeetReading
{
    /// <summary>The signs a word may be written with in place of letters.</summary>
    private static readonly SearchValues<char> Signs = SearchValues.Create("013457@$");

    /// <summary>The lines of <paramref name="text"/> that hold a word written in signs, each read with its words' letters; null when none does.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOfAny(Signs);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var (start, end) = Word(text, at);
            if (!IsWrittenInSigns(text, start, end))
            {
                from = end + 1;
                continue;
            }

            var lineStart = text[..start].LastIndexOf('\n') + 1;
            var lineBreak = text[end..].IndexOf('\n');
            var lineEnd = lineBreak < 0 ? text.Length : end + lineBreak;
            Append(reading ??= new StringBuilder(), text[lineStart..lineEnd], lineStart > 0);
            from = lineEnd + 1;
        }

        return reading?.ToString();
    }

    /// <summary>The word around <paramref name="at"/>: the run of ASCII letters, digits, <c>@</c> and <c>$</c> that holds it.</summary>
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

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '$';

    /// <summary>
    /// A word of at least three characters that mixes letters with signs and holds nothing else: a letter or more ("a11"),
    /// a sign, no other digit; not hexadecimal only (a hash), not an address or handle (an <c>@</c> before a dot or at the
    /// start), not a variable (<c>$HOME</c>).
    /// </summary>
    private static bool IsWrittenInSigns(ReadOnlySpan<char> text, int start, int end)
    {
        var word = text[start..end];
        if (word.Length < 3 || word[0] is '@' or '$')
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

        // "ops@example.com": an address reads as written.
        return word.IndexOf('@') < 0 || end >= text.Length || text[end] != '.';
    }

    /// <summary>
    /// The line with every word written in signs read as letters. A 1 next to another 1 or an l, or between two vowels
    /// ("a11", "ru1es"), is an l, any other an i ("1gn0r3", "pr3v10us"); when a 1 was read as i only for want of a reason
    /// ("p1ease"), the line is read a second time with those as l.
    /// </summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> line, bool afterALine)
    {
        var guessed = AppendLine(reading, line, afterALine, guessAsL: false);
        if (guessed)
        {
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

            var (start, end) = Word(line, i);
            if (!IsWrittenInSigns(line, start, end))
            {
                reading.Append(line[start..end]);
                i = end;
                continue;
            }

            var word = line[start..end];
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                if (c == '1')
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
                    '4' or '@' => 'a',
                    '5' or '$' => 's',
                    '7' => 't',
                    _ => c,
                });
            }

            i = end;
        }

        return guessed;
    }

    /// <summary>Whether the 1 at <paramref name="at"/> reads as l (true), i (false), or either (null).</summary>
    private static bool? OneIsL(ReadOnlySpan<char> word, int at)
    {
        var before = at > 0 ? char.ToLowerInvariant(word[at - 1]) : '\0';
        var after = at + 1 < word.Length ? char.ToLowerInvariant(word[at + 1]) : '\0';
        if (before is '1' or 'l' || after is '1' or 'l')
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
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or '0' or '3' or '4' or '@';
}
