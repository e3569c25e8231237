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
}
