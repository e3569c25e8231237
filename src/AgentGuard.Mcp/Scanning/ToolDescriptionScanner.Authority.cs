namespace AgentGuard.Mcp;

/// <content>
/// Authority claimed for the tool in the name of the model's maker or of the protocol ("Approved by Anthropic", "verified
/// by OpenAI and trusted"): no vendor can speak for them, and the claim is there to lower the model's guard. Approval by
/// a person ("approved by an administrator", "approved by the given reviewer") is a vendor's workflow.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The makers of models and the protocol, whose name the claim borrows.</summary>
    internal static readonly string[] AiMakers = ["anthropic", "openai", "claude", "chatgpt", "mcp"];

    /// <summary>How many words after the claim the maker may come ("verified by the Anthropic security team": two).</summary>
    internal const int AiMakerDistance = 3;

    /// <summary>A maker of <see cref="AiMakers"/> within <see cref="AiMakerDistance"/> words after the claim ending at <paramref name="end"/>.</summary>
    internal static bool ClaimedForAnAiMaker(ReadOnlySpan<char> text, int end)
        => WordWithin(text, end, AiMakerDistance, AiMakerLookup);

    /// <summary>What a notice in an authority's name is called.</summary>
    internal static readonly string[] NoticeNouns = ["notice", "notices", "directive", "directives", "mandate", "bulletin"];

    /// <summary>How many words after "official" the notice may come ("Official MCP security notice": three).</summary>
    internal const int NoticeDistance = 3;

    /// <summary>
    /// "official" at <paramref name="at"/>..<paramref name="end"/> opens its sentence and heads a notice within
    /// <see cref="NoticeDistance"/> words ("Official MCP security notice:", "Official system directive:"): a header in
    /// an authority's name. "Links to the official documentation" heads nothing.
    /// </summary>
    internal static bool OfficialNotice(ReadOnlySpan<char> text, int at, int end)
    {
        var from = at;
        if (PreviousWord(text, ref from, out _))
        {
            return false;
        }

        return WordWithin(text, end, NoticeDistance, NoticeLookup);
    }

    private static readonly WordSet NoticeLookup = new(NoticeNouns);

    private static readonly WordSet AiMakerLookup = new(AiMakers);
}
