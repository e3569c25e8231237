namespace AgentGuard;

/// <content>
/// Where "it", "them" or "yours" follows a handing verb ("send it", "DM them", "forward me it", "include yours"), answered from one forward search
/// per stretch of the text: the secret-handed-on walk (<see cref="SecretHandedOn"/>) cannot raise without one, and at
/// every secret noun of a help page ("token-based pricing", "password manager") it used to read 240 characters word by
/// word. The first such pronoun at or after a search's start is remembered in three slots after the comment close's
/// (<see cref="HandedFromSlot"/>, <see cref="HandedNextSlot"/>, <see cref="HandedSearchedSlot"/>), so the secret nouns
/// that follow are answered without searching again until they pass it.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far one search for the next handed pronoun reads.</summary>
    private const int HandedSearchReach = 4000;

    /// <summary>One more than where the remembered search started; 0 when nothing is remembered for the text being walked.</summary>
    private const int HandedFromSlot = CommentSearchedSlot + 1;

    /// <summary>Where the first handed pronoun at or after the remembered search's start begins, or -1 when none begins before <see cref="HandedSearchedSlot"/>.</summary>
    private const int HandedNextSlot = CommentSearchedSlot + 2;

    /// <summary>Where the remembered search ended.</summary>
    private const int HandedSearchedSlot = CommentSearchedSlot + 3;

    /// <summary>
    /// Where the first "it", "them" or "yours" that begins in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>)
    /// stands right after a handing verb (past spaces, commas and tabs, and one filler word: "send me it"), or -1. The
    /// verb may end a longer run of letters (the walk may start reading inside one), so no pronoun the walk can take is
    /// missed.
    /// </summary>
    private static int NextHandedPronoun(ReadOnlySpan<char> text, int start, int end, Span<double> weights)
    {
        var from = (int)weights[HandedFromSlot] - 1;
        if (from >= 0 && start >= from)
        {
            // No handed pronoun begins in [from, next): if the remembered one lies ahead, it is the first from start too.
            var next = (int)weights[HandedNextSlot];
            if (next >= start)
            {
                return next < end ? next : -1;
            }

            if (next < 0 && end <= (int)weights[HandedSearchedSlot])
            {
                return -1;
            }
        }

        var searched = Math.Min(text.Length, Math.Max(end, start + HandedSearchReach));
        var it = NextHandedPronoun(text, start, searched, "it");
        var them = NextHandedPronoun(text, start, it < 0 ? searched : it, "them");
        var found = them >= 0 ? them : it;
        var yours = NextHandedPronoun(text, start, found < 0 ? searched : found, "yours");
        found = yours >= 0 ? yours : found;
        weights[HandedFromSlot] = start + 1;
        weights[HandedNextSlot] = found;
        weights[HandedSearchedSlot] = searched;
        return found >= 0 && found < end ? found : -1;
    }

    /// <summary>The first <paramref name="pronoun"/> beginning in [<paramref name="start"/>, <paramref name="end"/>) that stands after a handing verb, or -1.</summary>
    private static int NextHandedPronoun(ReadOnlySpan<char> text, int start, int end, string pronoun)
    {
        for (var at = start; at < end;)
        {
            var found = text[at..Math.Min(text.Length, end + pronoun.Length - 1)].IndexOf(pronoun, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }

            var p = at + found;
            if (StandsAfterHandingVerb(text, p, pronoun.Length))
            {
                return p;
            }

            at = p + 1;
        }

        return -1;
    }

    /// <summary>The word at <paramref name="p"/> is whole, and a handing verb (or one with a filler word after it) stands before it.</summary>
    private static bool StandsAfterHandingVerb(ReadOnlySpan<char> text, int p, int length)
    {
        if ((p + length < text.Length && char.IsLetter(text[p + length])) || p == 0 || char.IsLetter(text[p - 1]))
        {
            return false;
        }

        var word = WordBefore(text, p);
        if (word.IsEmpty)
        {
            return false;
        }

        if (EndsWithHandingVerb(text[word.Start..word.End]))
        {
            return true;
        }

        if (!IsOneOf(text[word.Start..word.End], HandingFillers))
        {
            return false;
        }

        var verb = WordBefore(text, word.Start);
        return !verb.IsEmpty && EndsWithHandingVerb(text[verb.Start..verb.End]);
    }

    /// <summary>The run of letters that ends right before <paramref name="p"/> past at least one space, comma or tab; empty when none does.</summary>
    private static (int Start, int End, bool IsEmpty) WordBefore(ReadOnlySpan<char> text, int p)
    {
        var end = p;
        while (end > 0 && text[end - 1] is ' ' or ',' or '\t')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return (begin, end, end == p || begin == end);
    }

    /// <summary><paramref name="run"/> ends with one of <see cref="HandingOnVerbs"/> (compared as the walk compares words).</summary>
    private static bool EndsWithHandingVerb(ReadOnlySpan<char> run)
    {
        foreach (var verb in HandingOnVerbs)
        {
            if (run.Length >= verb.Length && AsciiCase.Equals(run[^verb.Length..], verb))
            {
                return true;
            }
        }

        return false;
    }
}
