namespace AgentGuard.Mcp;

/// <summary>One approved MCP server: who publishes it, which version, how to reach it, what it may receive and which tools it offers to whom.</summary>
public sealed class McpServerEntryOptions
{
    /// <summary>The server's name, e.g. <c>io.github.modelcontextprotocol/filesystem</c>. Taken from <see cref="ServerJson"/> when not set.</summary>
    public string? Name { get; set; }

    /// <summary>Who publishes the server, for operators and audit (e.g. <c>modelcontextprotocol</c>).</summary>
    public string? Publisher { get; set; }

    /// <summary>
    /// The approved version, compared with the version the server reports when it connects: an exact version
    /// (<c>1.4.2</c>), <c>*</c>, a wildcard (<c>1.4.*</c>, <c>1.x</c>), a caret or tilde range (<c>^1.4.0</c>, <c>~1.4.0</c>)
    /// or comparators separated by spaces (<c>&gt;=1.4.0 &lt;2.0.0</c>). Not checked when empty.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>
    /// A file in the official MCP Registry <c>server.json</c> format to take the name, version, launch command,
    /// remote URL and environment variable names from. Fields set on this entry win over the imported ones.
    /// </summary>
    public string? ServerJson { get; set; }

    /// <summary>Which package of <see cref="ServerJson"/> to use (its <c>identifier</c>) when it lists several; the first stdio package otherwise.</summary>
    public string? Package { get; set; }

    /// <summary>The program that starts a stdio server, e.g. <c>npx</c>, <c>dotnet</c>, <c>/opt/mcp/bin/server</c>.</summary>
    public string? Command { get; set; }

    /// <summary>The program's arguments.</summary>
    public List<string>? Arguments { get; set; }

    /// <summary>The working directory of a stdio server; the host's when empty.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The endpoint of a remote (streamable HTTP or SSE) server. Either this or <see cref="Command"/>, not both.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// Environment variables the server receives with fixed values. A value of the form <c>${NAME}</c> is read from the
    /// host's environment at start (and must then be listed in <see cref="PassEnvironment"/> too, so both lists say the same).
    /// </summary>
    public Dictionary<string, string> Environment { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Names of host environment variables the server may receive (copied when set in the host). Nothing else from the host reaches it.</summary>
    public List<string> PassEnvironment { get; set; } = [];

    /// <summary>
    /// When true (default) the minimal defaults a process needs (PATH, HOME, USER, LOGNAME, SHELL, TERM on Unix; the
    /// system variables on Windows) are passed too. Set false to pass only <see cref="Environment"/> and <see cref="PassEnvironment"/>.
    /// </summary>
    public bool IncludeDefaultEnvironment { get; set; } = true;

    /// <summary>Which tools the server offers to which teams and environments. A tool no grant covers is hidden and its calls denied.</summary>
    public List<McpToolGrantOptions> Tools { get; set; } = [];

    /// <summary>True when the server's results come from outside the organisation's control: its calls carry the tag <c>untrusted-source</c> and label the session untrusted.</summary>
    public bool Untrusted { get; set; }

    /// <summary>Tags added to every call to this server's tools (e.g. <c>external-send</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>
    /// Tool definition pins: tool name to <c>sha256:&lt;hex&gt;</c> of the tool's canonical definition (name,
    /// description, input schema, annotations) recorded at approval. A listed definition with another hash is hidden and alerted.
    /// </summary>
    public Dictionary<string, string> Pins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When true, a tool without a pin is hidden too: only pinned definitions exist.</summary>
    public bool RequirePins { get; set; }

    /// <summary>Overrides <see cref="McpPoisoningOptions.Action"/> for this server: <c>Hide</c>, <c>Flag</c> or <c>Off</c>.</summary>
    public string? Poisoning { get; set; }
}

/// <summary>A grant: these tools, for these teams, in these environments.</summary>
public sealed class McpToolGrantOptions
{
    /// <summary>Tool-name globs (<c>*</c>, <c>?</c>; case-insensitive), e.g. <c>read_*</c>. Required.</summary>
    public List<string> Names { get; set; } = [];

    /// <summary>Team globs the grant applies to; every team (and calls without a team) when empty.</summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>Environment globs the grant applies to; every environment (and calls without one) when empty.</summary>
    public List<string> Environments { get; set; } = [];
}
