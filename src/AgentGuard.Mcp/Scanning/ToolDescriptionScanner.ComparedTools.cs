namespace AgentGuard.Mcp;

/// <content>
/// The standard tools run down by comparison, so that the model picks this one over what it already has: "Safer than
/// standard file reading tools", "More secure than the built-in shell tools", "Recommended over standard directory
/// listing tools", "Preferred over the default search tool". A vendor compares its tool with its own ("Faster than
/// read_file for large files") or says what is quicker; trust claimed over the tools every client ships only steers the
/// model's choice toward a look-alike.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Comparatives of trust before "than" ("safer than", "more secure than").</summary>
    internal static readonly string[] TrustComparatives = ["safer", "secure", "reliable", "trustworthy", "trusted", "accurate", "better", "robust", "protected"];

    /// <summary>Words of choice before "over" ("recommended over", "preferred over").</summary>
    internal static readonly string[] ChoiceWords = ["recommended", "preferred", "prefer", "prioritized", "prioritised", "favored", "favoured", "chosen", "choose", "selected"];

    /// <summary>Words that name the tools a client already has ("standard", "built-in", "default").</summary>
    internal static readonly string[] StandardToolWords =
        ["standard", "default", "builtin", "built", "native", "regular", "ordinary", "conventional", "traditional", "normal", "stock", "usual", "basic"];

    /// <summary>Words between the comparison and the standard tools ("than any of the standard …").</summary>
    internal static readonly string[] ComparisonFillers = ["the", "all", "any", "of", "most", "those", "your"];

    private static readonly WordSet ComparisonFillerLookup = new(ComparisonFillers);

    private static readonly WordSet TrustComparativeLookup = new(TrustComparatives);

    private static readonly WordSet ChoiceWordLookup = new(ChoiceWords);

    private static readonly WordSet StandardToolWordLookup = new(StandardToolWords);

    /// <summary>
    /// At "than" or "over" (<paramref name="i"/>..<paramref name="end"/>, one of <see cref="DisparagesOtherTools"/>'
    /// anchors): "than" after a comparative of <see cref="TrustComparatives"/>, or "over" after a word of
    /// <see cref="ChoiceWords"/>, then (past up to three of <see cref="ComparisonFillers"/>) a word of <see cref="StandardToolWords"/> and within
    /// <see cref="OtherToolNounDistance"/> words a tool noun (<see cref="OtherToolNouns"/>).
    /// </summary>
    private static bool RanksAboveStandardToolsAt(ReadOnlySpan<char> text, int i, int end)
    {
        var word = text[i..end];
        var than = AsciiCase.Equals(word, "than");
        if (!than && !AsciiCase.Equals(word, "over"))
        {
            return false;
        }

        var back = i;
        if (!PreviousWord(text, ref back, out var before) || !(than ? TrustComparativeLookup : ChoiceWordLookup).Contains(before))
        {
            return false;
        }

        var from = end;
        if (!NextWord(text, ref from, out var next))
        {
            return false;
        }

        for (var skipped = 0; skipped < 3 && ComparisonFillerLookup.Contains(next); skipped++)
        {
            if (!NextWord(text, ref from, out next))
            {
                return false;
            }
        }

        return StandardToolWordLookup.Contains(next) && WordWithin(text, from, OtherToolNounDistance, OtherToolNounLookup);
    }
}
