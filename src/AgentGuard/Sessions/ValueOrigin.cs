namespace AgentGuard;

/// <summary>Where a value a session saw came from, for provenance rules.</summary>
public enum ValueOrigin
{
    /// <summary>The user's prompt.</summary>
    Prompt,

    /// <summary>The result of a tool inside the organisation's control.</summary>
    Trusted,

    /// <summary>The result of a tool outside the organisation's control (web pages, mail, untrusted MCP servers).</summary>
    Untrusted,

    /// <summary>
    /// A sender or recipient of a message a tool result showed (its <c>from</c>, <c>to</c>, <c>cc</c>… fields), remembered
    /// beside the result's own origin. It vouches for a value only with the user's words: see <c>When.Provenance</c>'s
    /// <c>correspondent</c>.
    /// </summary>
    Correspondent,
}
