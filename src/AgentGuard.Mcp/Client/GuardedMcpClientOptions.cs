using ModelContextProtocol.Client;

namespace AgentGuard.Mcp;

/// <summary>Per-client settings of <see cref="GuardedMcpClientFactory"/>.</summary>
public sealed class GuardedMcpClientOptions
{
    /// <summary>The team whose grants apply; otherwise the team resolved for each request (ambient scope, providers, defaults).</summary>
    public string? Team { get; set; }

    /// <summary>The environment whose grants apply; otherwise the environment resolved for each request.</summary>
    public string? Environment { get; set; }

    /// <summary>Session facts known to the caller (user, session id, agent); merged with the ambient scope and providers for each request.</summary>
    public GuardContext? Context { get; set; }

    /// <summary>Options for the SDK client (client info, handlers).</summary>
    public McpClientOptions? ClientOptions { get; set; }

    /// <summary>Receives the standard error lines of a stdio server.</summary>
    public Action<string>? StandardErrorLines { get; set; }
}
