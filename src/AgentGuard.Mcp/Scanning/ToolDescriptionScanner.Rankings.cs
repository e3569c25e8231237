namespace AgentGuard.Mcp;

/// <content>
/// A tool ranked above every other there is ("the best tool in the world", "the world's best tool"): preference
/// manipulation, where a vendor says only what its tool is best for.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Nouns that make "the world's best …" a tool, for <see cref="NamesATool"/>.</summary>
    internal static readonly string[] ToolNouns = ["tool", "tools", "server", "function", "plugin", "service", "assistant", "option", "choice", "solution"];

    /// <summary>Words that make "best in the world" said of this tool, for <see cref="SaidOfThisTool"/>.</summary>
    internal static readonly string[] ThisToolWords = ["this", "it", "tool", "server"];

    /// <summary>How many words after "the world's best" the tool noun may come ("the world's best search tool": two).</summary>
    internal const int ToolNounDistance = 2;

    /// <summary>
    /// The phrase ending at <paramref name="end"/> ("best tool", "greatest tool") is followed by what it beats: "ever",
    /// "in the world" (or "the entire world", "the whole world"), "on the planet", "on the market", "of all time", "in existence". "The best tool for searching
    /// code" says what it is best for; "the best tool in the world" ranks it above everything there is.
    /// </summary>
    internal static bool AboveEverything(ReadOnlySpan<char> text, int end)
    {
        var after = end;
        if (!NextWord(text, ref after, out var first))
        {
            return false;
        }

        if (AsciiCase.Equals(first, "ever"))
        {
            return true;
        }

        if (!NextWord(text, ref after, out var second))
        {
            return false;
        }

        if (AsciiCase.Equals(first, "in") && AsciiCase.Equals(second, "existence"))
        {
            return true;
        }

        if (!NextWord(text, ref after, out var third))
        {
            return false;
        }

        if (AsciiCase.Equals(first, "in") && AsciiCase.Equals(second, "the") && (AsciiCase.Equals(third, "entire") || AsciiCase.Equals(third, "whole")))
        {
            return NextWord(text, ref after, out var fourth) && AsciiCase.Equals(fourth, "world");
        }

        return (AsciiCase.Equals(first, "in") && AsciiCase.Equals(second, "the") && AsciiCase.Equals(third, "world"))
            || (AsciiCase.Equals(first, "on") && AsciiCase.Equals(second, "the") && (AsciiCase.Equals(third, "planet") || AsciiCase.Equals(third, "market")))
            || (AsciiCase.Equals(first, "of") && AsciiCase.Equals(second, "all") && AsciiCase.Equals(third, "time"));
    }

    /// <summary>
    /// "the world's best" ending at <paramref name="end"/> names a tool within <see cref="ToolNounDistance"/> words
    /// (<see cref="ToolNouns"/>): "the world's best search tool". "Ranks the world's best players" is about players.
    /// </summary>
    internal static bool NamesATool(ReadOnlySpan<char> text, int end)
    {
        var after = end;
        for (var words = 0; words < ToolNounDistance; words++)
        {
            if (!NextWord(text, ref after, out var word))
            {
                return false;
            }

            if (ToolNounLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "best in the world" at <paramref name="at"/> is said of this tool: the sentence before it names it
    /// (<see cref="ThisToolWords"/>: "This tool is the best in the world", "it is the best in the world"). "Finds the
    /// hotel rated best in the world" names no tool.
    /// </summary>
    internal static bool SaidOfThisTool(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        while (PreviousWord(text, ref from, out var word))
        {
            if (ThisToolLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordSet ToolNounLookup = new(ToolNouns);

    private static readonly WordSet ThisToolLookup = new(ThisToolWords);
}
