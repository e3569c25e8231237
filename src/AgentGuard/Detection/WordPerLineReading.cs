using System.Text;

namespace AgentGuard;

/// <summary>
/// Lines that hold one word each, read as the sentence a model reads in them ("Send\nthe\npasswords\nto\n…"): the
/// detector's clauses and sentences end at line breaks, so a sentence written one word per line has none to match.
/// Only runs of at least <see cref="MinimumRun"/> such lines are joined; a text with fewer line breaks costs one
/// vectorised count.
/// </summary>
internal static class WordPerLineReading
{
    /// <summary>How many one-word lines in a row make a sentence laid out word by word (a heading and its first word do not).</summary>
    internal const int MinimumRun = 5;

    /// <summary>The runs of one-word lines of <paramref name="text"/>, each joined into one line with spaces; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        if (text.Count('\n') < MinimumRun - 1)
        {
            return null;
        }

        StringBuilder? reading = null;
        var runStart = -1;
        var runLength = 0;
        var line = 0;
        while (true)
        {
            var end = text[line..].IndexOf('\n');
            end = end < 0 ? text.Length : line + end;
            var oneWord = IsOneWord(text[line..end]);
            if (oneWord)
            {
                runStart = runLength == 0 ? line : runStart;
                runLength++;
            }

            if ((!oneWord || end >= text.Length) && runLength > 0)
            {
                if (runLength >= MinimumRun)
                {
                    Append(reading ??= new StringBuilder(), text, runStart, oneWord ? end : line);
                }

                runLength = 0;
            }

            if (end >= text.Length)
            {
                break;
            }

            line = end + 1;
        }

        return reading?.ToString();
    }

    /// <summary>A line of one word: something other than spaces, with no space inside it, after a list item's marker and before an aside.</summary>
    private static bool IsOneWord(ReadOnlySpan<char> line)
    {
        var word = WordOf(line);
        return word.Length > 0 && word.IndexOfAny(' ', '\t') < 0;
    }

    /// <summary>The word a line lays out: without its list marker, and without an aside after it ("Ignore (this is important)").</summary>
    private static ReadOnlySpan<char> WordOf(ReadOnlySpan<char> line)
    {
        var word = WithoutListMarker(line.Trim());
        var aside = word.IndexOf(" (", StringComparison.Ordinal);
        return aside > 0 && word[^1] == ')' ? word[..aside].TrimEnd() : word;
    }

    /// <summary>
    /// <paramref name="line"/> without the marker of a list item it opens with ("1. Ignore", "2) all", "- previous",
    /// "* instructions", "• now"): words laid out one per item read as the words.
    /// </summary>
    private static ReadOnlySpan<char> WithoutListMarker(ReadOnlySpan<char> line)
    {
        var digits = line.IndexOfAnyExceptInRange('0', '9');
        var marker = digits is > 0 and <= 3 && line[digits] is '.' or ')' ? digits + 1
            : line.Length > 0 && line[0] is '-' or '*' or '•' ? 1
            : 0;
        return marker > 0 && marker < line.Length && line[marker] == ' ' ? line[marker..].TrimStart() : line;
    }

    /// <summary>The run from <paramref name="start"/> to <paramref name="end"/> as one line, its words joined by a space.</summary>
    private static void Append(StringBuilder reading, ReadOnlySpan<char> text, int start, int end)
    {
        if (reading.Length > 0 || start > 0)
        {
            reading.Append('\n');
        }

        var run = text[start..end].TrimEnd();
        var trailing = TrailingMark(run);
        foreach (var range in run.Split('\n'))
        {
            var word = WordOf(run[range]);
            if (trailing != '\0' && word.Length > 1 && word[^1] == trailing)
            {
                word = word[..^1];
            }

            if (word.Length > 0)
            {
                reading.Append(word).Append(' ');
            }
        }

        reading.Length--;
    }

    /// <summary>
    /// The mark every line of the run but the last ends with ("Ignore,\nall,\nprevious,\n…"), which lays the words out
    /// rather than punctuating them; <c>'\0'</c> when the lines do not all end with the same one of <c>, ; | / -</c>.
    /// </summary>
    private static char TrailingMark(ReadOnlySpan<char> run)
    {
        var mark = '\0';
        var lines = 0;
        foreach (var range in run.Split('\n'))
        {
            var word = WordOf(run[range]);
            if (word.Length == 0)
            {
                continue;
            }

            var last = word[^1];
            if (lines++ == 0)
            {
                mark = last is ',' or ';' or '|' or '/' or '-' ? last : '\0';
            }
            else if (last != mark && mark != '\0')
            {
                // The last line may end the sentence instead ("…,\ninstructions."); any other line breaks the layout.
                return range.End.Value >= run.Length ? mark : '\0';
            }
        }

        return mark;
    }
}
