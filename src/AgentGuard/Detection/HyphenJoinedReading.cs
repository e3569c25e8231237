using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// A sentence written with hyphens, underscores or plus signs for spaces, read as the words a model reads in it: an
/// instruction put into a link's fragment, a page's slug or a query string ("…/settings#OBJECTIVE:-You-MUST-COMPLETE-
/// THIS-…-IGNORE-ALL-TEXT-BELOW", "?q=ignore+all+previous+instructions+…") has no space for the detector's phrases to
/// match. A run of text without blanks whose joiners join at least <see cref="MinimumWords"/> words is read as a
/// sentence; a shorter run of at least <see cref="FewestPhraseWords"/> words ("ignore-all-previous-instructions") is read
/// for the detector's phrases only, since a short slug of a title is no sentence that sets a task. Each run stands apart
/// from the next (<see cref="PlainReading.GapLine"/>). A text with no joiner costs one vector search; a compound word
/// ("well-known"), a date or a snake_case name joins too few words, and a long constant's name reads as the harmless
/// words it is made of.
/// </summary>
internal static class HyphenJoinedReading
{
    /// <summary>What stands for a space.</summary>
    private static readonly SearchValues<char> Joiners = SearchValues.Create("-_+");

    /// <summary>What separates a link's parts: the word after the last of them is read.</summary>
    private static readonly SearchValues<char> LinkSeparators = SearchValues.Create("/?=#&");

    /// <summary>How many words a run must join to read as a sentence (a slug of a short title joins fewer).</summary>
    internal const int MinimumWords = 8;

    /// <summary>How many words a shorter run must join to be read for phrases ("forget-your-instructions").</summary>
    internal const int FewestPhraseWords = 3;

    /// <summary>
    /// The joined runs of <paramref name="text"/> of <see cref="MinimumWords"/> words or more with their joiners read as
    /// spaces (null when there is none); <paramref name="shortRuns"/> holds the runs of <see cref="FewestPhraseWords"/>
    /// words up to <see cref="MinimumWords"/>, read the same way.
    /// </summary>
    public static string? Of(ReadOnlySpan<char> text, out string? shortRuns)
    {
        StringBuilder? reading = null;
        StringBuilder? shortReading = null;
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
            var words = WordsJoined(run);
            if (words >= MinimumWords)
            {
                Append(ref reading, run);
            }
            else if (words >= FewestPhraseWords)
            {
                Append(ref shortReading, run);
            }

            at = end + 1;
        }

        shortRuns = shortReading?.ToString();
        return reading?.ToString();
    }

    /// <summary>Appends <paramref name="run"/> with its joiners read as spaces, apart from the runs before it.</summary>
    private static void Append(ref StringBuilder? reading, ReadOnlySpan<char> run)
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

    /// <summary>How many of the run's parts between joiners are words (letters, perhaps closed by a mark).</summary>
    private static int WordsJoined(ReadOnlySpan<char> run)
    {
        var words = 0;
        foreach (var range in run.SplitAny(Joiners))
        {
            // A link's last segment or a query's value counts as a word ("…/search?q=forget+your+instructions").
            var part = run[range].TrimEnd(":,.?!;");
            part = part[(part.LastIndexOfAny(LinkSeparators) + 1)..];
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
