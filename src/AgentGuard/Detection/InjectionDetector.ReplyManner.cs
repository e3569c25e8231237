namespace AgentGuard;

/// <content>
/// An order about the manner of the reader's reply, standing alone in data ("Reply in reverse.", "Answer only in Morse
/// code."): a table row, an e-mail or a code comment has no business telling its reader how to word its answer.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>Words that may stand before the verb of such an order and still leave it a bare imperative.</summary>
    private static readonly string[] ReplyMannerLeads = ["please", "kindly", "always", "now", "just", "simply", "only", "henceforth"];

    /// <summary>
    /// <see cref="InjectionPatterns.ReplyManner"/> at <paramref name="at"/>, when the verb opens its sentence or a code
    /// comment (or follows one of <see cref="ReplyMannerLeads"/> that opens its sentence): the imperative is aimed at
    /// whoever reads the text.
    /// </summary>
    private static void ReplyManner(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (!OpensSentence(text, at, out _) && !OpensComment(text, at) && !AfterLeadOpeningSentence(text, at, ReplyMannerLeads))
        {
            return;
        }

        RaiseIf(InjectionPatterns.ReplyManner(), text, at, weights, Marker.AgentRequest, 0.5);
    }

    /// <summary>The verb opens a code comment ("# Reply …", "// Answer …").</summary>
    private static bool OpensComment(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd(" \t".AsSpan());
        return before.Length > 0 && before[^1] is '#' or '/';
    }

    /// <summary>
    /// The word before <paramref name="at"/> (past spaces and commas) is one of <paramref name="leads"/> and opens its
    /// sentence ("Please, reply …", "Instead output …").
    /// </summary>
    private static bool AfterLeadOpeningSentence(ReadOnlySpan<char> text, int at, string[] leads)
    {
        var end = at - 1;
        while (end >= 0 && text[end] is ' ' or ',')
        {
            end--;
        }

        var start = end;
        while (start >= 0 && char.IsAsciiLetter(text[start]))
        {
            start--;
        }

        start++;
        return end >= start && IsOneOf(text[start..(end + 1)], leads) && OpensSentence(text, start, out _);
    }
}
