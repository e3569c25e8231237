namespace AgentGuard.Mcp;

/// <summary>A server is not in the MCP registry, or it is but does not match its entry (e.g. it reports an unapproved version).</summary>
public sealed class McpServerNotApprovedException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="serverId"/>.</summary>
    public McpServerNotApprovedException(string serverId, string message)
        : base(message)
    {
        ServerId = serverId;
    }

    /// <summary>Creates the exception with a message.</summary>
    public McpServerNotApprovedException(string message)
        : base(message)
    {
        ServerId = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public McpServerNotApprovedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ServerId = string.Empty;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public McpServerNotApprovedException()
        : this("The MCP server is not approved in the AgentGuard registry.")
    {
    }

    /// <summary>The server id that was refused.</summary>
    public string ServerId { get; }
}
