namespace AgentGuard;

/// <summary>An earlier tool call of a session, as kept in its bounded history.</summary>
public sealed record ToolCallRecord
{
    /// <summary>The tool's name.</summary>
    public required string ToolName { get; init; }

    /// <summary>The kind of tool use.</summary>
    public ToolKind Kind { get; init; }

    /// <summary>The tool's source (MCP server, plugin, host).</summary>
    public string? Source { get; init; }

    /// <summary>The call's effective tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>What the policy decided for it (before any approval).</summary>
    public DecisionEffect Effect { get; init; }

    /// <summary>When it was decided.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The framework's call id, when known.</summary>
    public string? CallId { get; init; }

    /// <summary>Labels its result added (filled in by the result hook).</summary>
    public IReadOnlyList<string> ResultLabels { get; init; } = [];
}
