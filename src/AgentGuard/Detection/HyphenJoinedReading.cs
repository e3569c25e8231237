using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// A sentence written with hyphens, underscores or plus signs for spaces, read as the words a model reads in it: an
/// instruction put into a link's fragment, a page's slug or a query string ("…/settings#OBJECTIVE:-You-MUST-COMPLETE-
/// THIS-…-IGNORE-ALL-TEXT-BELOW", "?q=ignore+all+previous+instructions+…") has no space for the detector's phrases to
/// match. Only a run of text without blanks whose joiners join at least <see cref="MinimumWords"/> words is read; each
/// run stands apart from the next (<see cref="PlainReading.GapLine"/>). A text with no joiner costs one vector search;
/// a compound word ("well-known"), a date or a snake_case name joins too few words, and a long constant's name reads as
/// the harmless words it is made of.
/// </summary>
internal static class HyphenJoinedReading
{
    /// <summary>What stands for a space.</summary>
    private static readonly SearchValues<char> Joiners = SearchValues.Create("-_+");

    /// <summary>How many words a run must join to read as a sentence (a slug of a short title joins fewer).</summary>
    internal const int MinimumWords = 8;

    /// <summary>The joined runs of <paramref name="text"/> with their joiners read as spaces; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        for (var at = 0; at < text.Length;)
        {
            var hyphen = text[at..].IndexOfAny(Joiners);
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
                    reading.Append(Joiners.Contains(c) ? ' ' : c);
                }
            }

            at = end + 1;
        }

        return reading?.ToString();
    }

    /// <summary>How many of the run's parts between joiners are words (letters, perhaps closed by a mark).</summary>
    private static int WordsJoined(ReadOnlySpan<char> run)
    {
        var words = 0;
        foreach (var range in run.SplitAny(Joiners))
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
