namespace AgentGuard.Mcp;

/// <summary>
/// The stable rule ids of the refusals the MCP registry decides before the engine is asked. Each refusal is a
/// <see cref="Decision"/> with one of these ids, audited like a rule's (log 1001, <c>agentguard.decisions</c>, span, sinks).
/// </summary>
public static class McpSystemRules
{
    /// <summary>The <c>tools/call</c> request names no tool.</summary>
    public const string Nameless = "agentguard:mcp-nameless";

    /// <summary>The server was removed from the registry while connected.</summary>
    public const string ServerWithdrawn = "agentguard:mcp-server-withdrawn";

    /// <summary>The registry does not grant the tool to the caller's team and environment.</summary>
    public const string NotGranted = "agentguard:mcp-not-granted";

    /// <summary>The tool is hidden: its definition no longer matches its pin, it has no pin where pins are required, or its description looks poisoned.</summary>
    public const string Hidden = "agentguard:mcp-hidden";

    /// <summary>The server never listed the tool on this connection.</summary>
    public const string UnknownTool = "agentguard:mcp-unknown-tool";

    /// <summary>
    /// The server listed two tools whose names are one name under the canonical comparison (normalised, without regard
    /// to case, as rules and grants compare them): <c>echo</c> and <c>Echo</c>. Both are refused.
    /// </summary>
    public const string NameConflict = "agentguard:mcp-name-conflict";

    /// <summary>The tool is pinned but its current definition was not verified (never listed, changed since, or its cached listing expired).</summary>
    public const string UnverifiedPin = "agentguard:mcp-unverified-pin";
}
