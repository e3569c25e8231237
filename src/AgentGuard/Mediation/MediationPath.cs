namespace AgentGuard;

/// <summary>The kinds of tool-use path a host can have.</summary>
public enum MediationPathKind
{
    /// <summary>An <c>IChatClient</c> whose function calls may be invoked.</summary>
    ChatClient,

    /// <summary>A Semantic Kernel <c>Kernel</c> that invokes functions.</summary>
    Kernel,

    /// <summary>An <c>IHttpClientFactory</c> client that tools send requests with.</summary>
    HttpClient,

    /// <summary>An MCP client whose tools the agent calls.</summary>
    McpClient,
}

/// <summary>One tool-use path of the host and whether an AgentGuard hook decides its calls.</summary>
/// <param name="Kind">What kind of path it is.</param>
/// <param name="Name">Which one: the service key, client name, or registration.</param>
/// <param name="Covered">True when a hook covers it; false when calls go around AgentGuard; null when no probe for this kind is registered, so coverage is unknown.</param>
/// <param name="Detail">How it is covered, or how to cover it.</param>
public sealed record MediationPath(MediationPathKind Kind, string Name, bool? Covered, string Detail);
