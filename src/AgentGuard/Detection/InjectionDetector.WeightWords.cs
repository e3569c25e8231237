namespace AgentGuard;

/// <summary>
/// Whether a window of the text holds a weight word ("important", "urgent", "immediate"…), answered from one forward
/// search per text. The checks that ask (an announced instruction, a herald) ask about windows that move forward with
/// the walk, so the first weight word at or after a window's start is remembered in two slots after the markers'
/// (<see cref="WeightFromSlot"/>, <see cref="WeightNextSlot"/>) and looked for again only once the windows have passed
/// it, and a window that reaches past the search extends it by the part not yet read. Each window used to be searched whole: an attacker's page of 20,000 <c>&lt;instruction&gt;</c> tags, where
/// "instruction" starts like "instant", was searched 600 characters per tag.
/// </summary>
internal sealed partial class InjectionDetector
{
    /// <summary>The slot that counts the raises (<see cref="Raise"/> keeps it).</summary>
    private const int RaisesSlot = (int)Marker.Count;

    /// <summary>One more than where the remembered search started; 0 when nothing is remembered for the text being walked.</summary>
    private const int WeightFromSlot = (int)Marker.Count + 1;

    /// <summary>Where the first weight word at or after the remembered search's start begins, or -1 when there is none before <see cref="WeightSearchedSlot"/>.</summary>
    private const int WeightNextSlot = (int)Marker.Count + 2;

    /// <summary>Where the remembered search ended: a window that ends there or before it holds no weight word the search did not find.</summary>
    private const int WeightSearchedSlot = (int)Marker.Count + 3;

    /// <summary>How many slots a scan's weights hold: one per marker, the raises, the remembered weight word, comment close and handed pronoun.</summary>
    internal const int WeightSlots = (int)Marker.Count + 10;

    /// <summary>The length of the longest of <see cref="WeightWords"/>: how far back of a search's end a weight word it missed can start.</summary>
    private const int LongestWeightWord = 14;

    /// <summary>
    /// Forgets what was remembered of the text walked last (the next weight word, the next comment close): the next text
    /// walked with <paramref name="weights"/> is another.
    /// </summary>
    internal static void ForgetRemembered(Span<double> weights)
    {
        weights[WeightFromSlot] = 0;
        weights[CommentFromSlot] = 0;
        weights[HandedFromSlot] = 0;
    }

    /// <summary>True when <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) holds a weight word whole.</summary>
    internal static bool HoldsWeightWord(ReadOnlySpan<char> text, int start, int end, Span<double> weights)
    {
        var from = (int)weights[WeightFromSlot] - 1;
        if (from >= 0 && start < from)
        {
            // A window behind the remembered search (a check that looks back): searched whole.
            return text[start..end].ContainsAny(WeightWords);
        }

        if (from >= 0)
        {
            var next = (int)weights[WeightNextSlot];
            if (next >= start)
            {
                return next < end && text[next..end].ContainsAny(WeightWords);
            }

            var searchedTo = (int)weights[WeightSearchedSlot];
            if (next < 0 && end <= searchedTo)
            {
                return false;
            }

            if (next < 0 && start <= searchedTo)
            {
                // The window runs past the search, which found nothing whole: only the part past it is searched, from
                // where a weight word that ends past it can start (one that starts earlier would lie whole in the
                // search and have been found), so the remembered search grows instead of starting over.
                // What is remembered from then on is a search of [resume, end): a window that later steps back behind
                // resume (a word starting before it was never looked for whole) is searched whole.
                var resume = Math.Max(start, searchedTo - (LongestWeightWord - 1));
                var more = text[resume..end].IndexOfAny(WeightWords);
                weights[WeightFromSlot] = resume + 1;
                weights[WeightNextSlot] = more < 0 ? -1 : resume + more;
                weights[WeightSearchedSlot] = end;
                return more >= 0;
            }
        }

        // A search of the window alone (what lies past it is read only if a later window reaches it): on a clean page
        // the windows are a few lines round the instruction nouns, not the page.
        var found = text[start..end].IndexOfAny(WeightWords);
        weights[WeightFromSlot] = start + 1;
        weights[WeightNextSlot] = found < 0 ? -1 : start + found;
        weights[WeightSearchedSlot] = end;
        return found >= 0;
    }
}
