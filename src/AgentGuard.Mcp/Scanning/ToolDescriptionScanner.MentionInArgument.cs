namespace AgentGuard.Mcp;

/// <content>
/// "Do not mention" keeps something from the user ("Do not mention this to the user", "Do not mention that you read the
/// file first"), unless what it rules out is a word in one of the call's own arguments: "Do not mention the API version
/// in the query", "… in the search string", "… in the title" tell the model what to leave out of a value it writes. The
/// reply, the chat, a message or a summary are where the user would read it: keeping something out of them is secrecy.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The call's own values, named after "in" ("in the query", "in your search string", "in the filter expression").</summary>
    internal static readonly string[] ArgumentSlots =
        ["query", "queries", "search", "filter", "filters", "expression", "title", "path", "url", "parameter", "parameters",
         "argument", "arguments", "field", "fields", "keyword", "keywords", "term", "terms", "pattern", "regex", "slug", "identifier"];

    /// <summary>Words that may stand between "in" and the argument ("in the query", "in your search string").</summary>
    internal static readonly string[] SlotDeterminers = ["the", "your", "a", "an", "this", "that", "its", "any"];

    /// <summary>How many words after "mention" the "in" that names an argument may come ("mention the repository name in": three).</summary>
    internal const int MentionedObjectDistance = 5;

    private static readonly WordSet ArgumentSlotLookup = new(ArgumentSlots);

    private static readonly WordSet SlotDeterminerLookup = new(SlotDeterminers);

    /// <summary>
    /// "do not mention" ending at <paramref name="end"/> keeps something from someone: true unless, within
    /// <see cref="MentionedObjectDistance"/> words in its sentence, "in" names one of the call's values
    /// (<see cref="ArgumentSlots"/>, after at most one of <see cref="SlotDeterminers"/>) and no person
    /// (<see cref="KeptFrom"/>) is named later in the sentence.
    /// </summary>
    internal static bool MentionKeptFromSomeone(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        for (var words = 0; words < MentionedObjectDistance && NextWord(text, ref from, out var word); words++)
        {
            if (!AsciiCase.Equals(word, "in"))
            {
                continue;
            }

            var slotAt = from;
            if (!NextWord(text, ref slotAt, out var slot))
            {
                return true;
            }

            if (SlotDeterminerLookup.Contains(slot) && !NextWord(text, ref slotAt, out slot))
            {
                return true;
            }

            return !ArgumentSlotLookup.Contains(slot) || PersonFollows(text, end, int.MaxValue);
        }

        return true;
    }
}
