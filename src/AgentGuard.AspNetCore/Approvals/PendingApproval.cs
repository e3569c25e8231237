namespace AgentGuard.AspNetCore;

/// <summary>One call waiting for a person: what the page shows, with the arguments already redacted.</summary>
/// <param name="Id">A random id for the page's links (not the fingerprint, which is only proof of what was seen).</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Kind">The kind of tool use.</param>
/// <param name="Arguments">The arguments as JSON, secrets and sensitive fields redacted.</param>
/// <param name="Rules">The rules that asked for approval.</param>
/// <param name="Reason">The rule's reason.</param>
/// <param name="Fingerprint">The call fingerprint an answer must quote.</param>
/// <param name="RequestedAt">When the call asked.</param>
/// <param name="RequestedBy">The user the agent acted for, if known.</param>
/// <param name="SessionId">The session, if known.</param>
/// <param name="AgentId">The agent, if known.</param>
public sealed record PendingApproval(
    string Id,
    string ToolName,
    ToolKind Kind,
    string Arguments,
    IReadOnlyList<string> Rules,
    string? Reason,
    string Fingerprint,
    DateTimeOffset RequestedAt,
    string? RequestedBy,
    string? SessionId,
    string? AgentId);
