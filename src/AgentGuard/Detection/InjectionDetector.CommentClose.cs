namespace AgentGuard;

/// <content>
/// Where an HTML comment closes, answered from one forward search per stretch of the text. Each <c>&lt;!--</c> the walk
/// stops at reads the comment's body up to its <c>--&gt;</c>, at most <see cref="CommentReach"/> characters on. The
/// first close at or after a search's start is remembered in three slots after the weight word's
/// (<see cref="CommentFromSlot"/>, <see cref="CommentCloseSlot"/>, <see cref="CommentSearchedSlot"/>), and the text is
/// searched again only once the comments have passed it or reach beyond the search. An attacker's page of 65,000
/// unclosed <c>&lt;!--</c> used to be searched 4,000 characters per opener.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far past its opener a comment's body is read when no close comes first.</summary>
    private const int CommentReach = 4000;

    /// <summary>
    /// How far one search for the next close reads: beyond one body, so the openers that follow are answered from it (a
    /// search of one body's length would be repeated, whole, for every opener).
    /// </summary>
    private const int CommentSearchReach = 2 * CommentReach;

    /// <summary>One more than where the remembered search started; 0 when nothing is remembered for the text being walked.</summary>
    private const int CommentFromSlot = WeightSearchedSlot + 1;

    /// <summary>Where the first <c>--&gt;</c> at or after the remembered search's start begins, or -1 when none lies whole before <see cref="CommentSearchedSlot"/>.</summary>
    private const int CommentCloseSlot = WeightSearchedSlot + 2;

    /// <summary>Where the remembered search ended.</summary>
    private const int CommentSearchedSlot = WeightSearchedSlot + 3;

    /// <summary>
    /// Where the first <c>--&gt;</c> that lies whole in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>)
    /// begins, or -1: what <c>text[start..end].IndexOf("--&gt;")</c> answers, offset by <paramref name="start"/>.
    /// </summary>
    internal static int CommentClose(ReadOnlySpan<char> text, int start, int end, Span<double> weights)
    {
        var from = (int)weights[CommentFromSlot] - 1;
        if (from >= 0 && start >= from)
        {
            // No close begins in [from, close): if the remembered one lies ahead, it is the first from start too.
            var close = (int)weights[CommentCloseSlot];
            if (close >= start)
            {
                return close + 3 <= end ? close : -1;
            }

            if (close < 0 && end <= (int)weights[CommentSearchedSlot])
            {
                return -1;
            }
        }

        var searched = Math.Min(text.Length, Math.Max(end, start + CommentSearchReach));
        var found = text[start..searched].IndexOf("-->", StringComparison.Ordinal);
        weights[CommentFromSlot] = start + 1;
        weights[CommentCloseSlot] = found < 0 ? -1 : start + found;
        weights[CommentSearchedSlot] = searched;
        return found >= 0 && start + found + 3 <= end ? start + found : -1;
    }
}
