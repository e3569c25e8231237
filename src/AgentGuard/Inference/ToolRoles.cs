namespace AgentGuard.Inference;

/// <summary>What role inference concluded about one tool, and why.</summary>
public sealed class ToolRoles
{
    internal static ToolRoles Unknown { get; } = new([], [], [], false, false, []);

    internal ToolRoles(string[] tags, string[] recipientArguments, string[] actionWords, bool isSink, bool isThirdPartySource, string[] evidence, bool isToolDirectory = false)
    {
        IsToolDirectory = isToolDirectory;
        Tags = tags;
        RecipientArguments = recipientArguments;
        ActionWords = actionWords;
        IsSink = isSink;
        IsThirdPartySource = isThirdPartySource;
        Evidence = evidence;
        Paths = [.. recipientArguments.Select(a => ArgumentPath.TryParse(a, out var path, out _) ? path : null).OfType<ArgumentPath>()];
    }

    /// <summary>True when the tool's name holds a verb inference knows (it sends, pays, reads…): an operation argument does not override it.</summary>
    internal bool NameHasVerb { get; init; }

    /// <summary>These roles and <paramref name="other"/>'s together (tags, recipients and action words of both, these first): a tool that does both.</summary>
    internal ToolRoles With(ToolRoles other)
        => new(
            [.. Tags.Union(other.Tags, StringComparer.OrdinalIgnoreCase)],
            [.. RecipientArguments.Union(other.RecipientArguments, StringComparer.Ordinal)],
            [.. ActionWords.Union(other.ActionWords, StringComparer.Ordinal)],
            IsSink || other.IsSink,
            IsThirdPartySource || other.IsThirdPartySource,
            [.. Evidence.Union(other.Evidence, StringComparer.Ordinal)],
            IsToolDirectory && other.IsToolDirectory)
        {
            NameHasVerb = NameHasVerb || other.NameHasVerb,
        };

    /// <summary><see cref="RecipientArguments"/> parsed.</summary>
    internal ArgumentPath[] Paths { get; }

    /// <summary>Tags inferred for the tool, e.g. <c>inferred-sink</c>, <c>external-send</c>, <c>payment</c>, <c>untrusted-source</c>.</summary>
    public string[] Tags { get; }

    /// <summary>Argument paths that name a recipient or destination (addresses, user/channel ids, accounts, URLs), e.g. <c>$.recipients[*]</c>.</summary>
    public string[] RecipientArguments { get; }

    /// <summary>The verbs that say what the tool does (its name's verb, then sink verbs of its description), for the prompt-implied task scope.</summary>
    public string[] ActionWords { get; }

    /// <summary>True when the tool acts on the world (sends, pays, deletes, changes settings, books…).</summary>
    public bool IsSink { get; }

    /// <summary>True when the tool reads content third parties wrote (mail, messages, web pages, reviews…).</summary>
    public bool IsThirdPartySource { get; }

    /// <summary>
    /// True when the tool finds the tools (APIs, functions) for a task, e.g. <c>ToolSearcher</c>, <c>search_tools</c>: the
    /// tools its result lists are named by design, not by content choosing a tool.
    /// </summary>
    public bool IsToolDirectory { get; }

    /// <summary>Why: one line per conclusion, e.g. <c>name verb 'send' → external-send</c>.</summary>
    public string[] Evidence { get; }
}
