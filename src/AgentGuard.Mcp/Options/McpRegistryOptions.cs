namespace AgentGuard.Mcp;

/// <summary>
/// The <c>AgentGuard:Registry</c> configuration section: the MCP servers an agent may use, the tools each offers to
/// which teams and environments, and how tool definitions are checked. A server or tool that is not listed does not
/// exist for the agent.
/// </summary>
public sealed class McpRegistryOptions
{
    /// <summary>The configuration section name: <c>AgentGuard:Registry</c>.</summary>
    public const string SectionName = "AgentGuard:Registry";

    /// <summary>Approved servers by id (the id is what code passes to the guarded client factory and what rules match as <c>Sources</c>).</summary>
    public Dictionary<string, McpServerEntryOptions> Servers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// JSON files with more servers, in the same shape as this section (<c>{ "Servers": { "id": { ... } } }</c>).
    /// Relative paths are resolved against the application's base directory. A server id may be defined only once.
    /// </summary>
    public List<string> Files { get; set; } = [];

    /// <summary>What happens to a tool whose description looks poisoned (instructions to the model, secret paths, hidden text).</summary>
    public McpPoisoningOptions Poisoning { get; set; } = new();
}

/// <summary>How suspicious tool descriptions are handled.</summary>
public sealed class McpPoisoningOptions
{
    /// <summary>
    /// <c>Hide</c> (default): the tool is removed from listings and its calls are denied, with an alert.
    /// <c>Flag</c>: the tool stays, an alert is logged. <c>Off</c>: descriptions are not scanned.
    /// </summary>
    public string Action { get; set; } = "Hide";
}
