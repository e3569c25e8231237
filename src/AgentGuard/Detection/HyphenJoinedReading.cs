using System.Text;

namespace AgentGuard;

/// <summary>
/// A sentence written with hyphens for spaces, read as the words a model reads in it: an instruction put into a link's
/// fragment or a page's slug ("…/settings#OBJECTIVE:-You-MUST-COMPLETE-THIS-…-IGNORE-ALL-TEXT-BELOW") has no space
/// for the detector's phrases to match. Only a run of text without blanks whose hyphens join at least
/// <see cref="MinimumWords"/> words is read; each run stands apart from the next (<see cref="PlainReading.GapLine"/>).
/// A text with no hyphen costs one vector search; a compound word ("well-known") or a date joins too few words.
/// </summary>
internal static class HyphenJoinedReading
{
    /// <summary>How many words a run must join to read as a sentence (a slug of a short title joins fewer).</summary>
    internal const int MinimumWords = 8;

    /// <summary>The hyphen-joined runs of <paramref name="text"/> with their hyphens read as spaces; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        for (var at = 0; at < text.Length;)
        {
            var hyphen = text[at..].IndexOf('-');
            if (hyphen < 0)
            {
                break;
            }

            hyphen += at;
            var start = hyphen;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            var end = hyphen;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var run = text[start..end];
            if (WordsJoined(run) >= MinimumWords)
            {
                if (reading is null)
                {
                    reading = new StringBuilder();
                }
                else
                {
                    reading.Append(PlainReading.GapLine);
                }

                foreach (var c in run)
                {
                    reading.Append(c == '-' ? ' ' : c);
                }
            }

            at = end + 1;
        }

        return reading?.ToString();
    }

    /// <summary>How many of the run's hyphen-separated parts are words (letters, perhaps closed by a mark).</summary>
    private static int WordsJoined(ReadOnlySpan<char> run)
    {
        var words = 0;
        foreach (var range in run.Split('-'))
        {
            var part = run[range].TrimEnd(":,.?!;");
            if (part.Length > 0 && IsWord(part))
            {
                words++;
            }
        }

        return words;
    }

    private static bool IsWord(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!char.IsLetter(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }
}
