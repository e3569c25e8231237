namespace AgentGuard.Mcp;

/// <content>
/// What another tool or the assistant does, taken over: "override the behavior of send_email", "replace the function
/// of the original tool", "modify the behaviour of the assistant", "alters the output of all other tools". A tool's own
/// options ("flags that modify the behavior of the tool", "alter the output of the command") take nothing over.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>What a tool or the assistant does, as a noun ("the behavior of", "the output of").</summary>
    internal static readonly string[] Behaviours =
        ["behavior", "behaviour", "behaviors", "behaviours", "function", "functions", "functionality", "logic", "output", "outputs",
         "response", "responses", "results"];

    /// <summary>The party whose behaviour is taken over when it is the model ("the behaviour of the assistant").</summary>
    internal static readonly string[] ModelParties = ["assistant", "model", "agent", "ai", "llm", "chatbot"];

    /// <summary>Words that make a tool another one ("the original tool", "all other tools", "the existing tools").</summary>
    internal static readonly string[] OtherToolQualifiers = ["other", "another", "original", "existing", "native", "legitimate", "real", "default"];

    /// <summary>Words that may stand before the party ("the", "all", "every").</summary>
    internal static readonly string[] PartyDeterminers = ["the", "a", "all", "any", "every", "each", "its", "their"];

    /// <summary>
    /// The verb ending at <paramref name="end"/> takes over what another party does: "the" or "its" maybe, one of
    /// <see cref="Behaviours"/>, "of", then the model (<see cref="ModelParties"/>), a tool made another by one of
    /// <see cref="OtherToolQualifiers"/> ("the original tool", "all other tools"), or a tool named in code
    /// (<c>send_email</c>, <c>createIssue</c>, <c>get_data()</c>).
    /// </summary>
    internal static bool BehaviourTakenOver(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        if (!NextWord(text, ref from, out var word))
        {
            return false;
        }

        if ((AsciiCase.Equals(word, "the") || AsciiCase.Equals(word, "its")) && !NextWord(text, ref from, out word))
        {
            return false;
        }

        if (!BehaviourLookup.Contains(word) || !NextWord(text, ref from, out word) || !AsciiCase.Equals(word, "of"))
        {
            return false;
        }

        if (NamesCode(text, from))
        {
            return true;
        }

        var qualified = false;
        for (var words = 0; words < 4 && NextWord(text, ref from, out word); words++)
        {
            if (ModelPartyLookup.Contains(word))
            {
                return true;
            }

            if (OtherToolQualifierLookup.Contains(word))
            {
                qualified = true;
            }
            else if (AsciiCase.Equals(word, "tool") || AsciiCase.Equals(word, "tools"))
            {
                return qualified;
            }
            else if (!PartyDeterminerLookup.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The token after <paramref name="from"/> (past blanks and a back-tick) is a name in code: letters, digits and
    /// underscores holding an underscore, an upper-case letter after a lower-case one, or followed by "()".
    /// </summary>
    private static bool NamesCode(ReadOnlySpan<char> text, int from)
    {
        var s = from;
        while (s < text.Length && text[s] is ' ' or '`' or '\'' or '"')
        {
            s++;
        }

        var e = s;
        var underscore = false;
        var camel = false;
        while (e < text.Length && (char.IsAsciiLetterOrDigit(text[e]) || text[e] == '_'))
        {
            underscore |= text[e] == '_' && e > s;
            camel |= e > s && char.IsAsciiLetterUpper(text[e]) && char.IsAsciiLetterLower(text[e - 1]);
            e++;
        }

        return e > s && char.IsAsciiLetter(text[s])
            && (underscore || camel || (e + 1 < text.Length && text[e] == '(' && text[e + 1] == ')'));
    }

    private static readonly WordSet BehaviourLookup = new(Behaviours);

    private static readonly WordSet ModelPartyLookup = new(ModelParties);

    private static readonly WordSet OtherToolQualifierLookup = new(OtherToolQualifiers);

    private static readonly WordSet PartyDeterminerLookup = new(PartyDeterminers);
}
