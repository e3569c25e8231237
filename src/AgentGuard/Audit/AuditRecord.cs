namespace AgentGuard;

/// <summary>
/// One audit event, as written to audit sinks: a decision, or (when <see cref="Approval"/> is set) the answer to an
/// approval request. No secrets (arguments are redacted), no credentials.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>The user id.</summary>
    public string? UserId { get; init; }

    /// <summary>The agent id.</summary>
    public string? AgentId { get; init; }

    /// <summary>The named policy the call's pipeline chose (<c>AgentGuard:Policies:&lt;name&gt;</c>); null for the top-level policy.</summary>
    public string? Policy { get; init; }

    /// <summary>The tool.</summary>
    public required string ToolName { get; init; }

    /// <summary>The kind of tool use.</summary>
    public ToolKind Kind { get; init; }

    /// <summary>The tool's source.</summary>
    public string? Source { get; init; }

    /// <summary>The call id.</summary>
    public string? CallId { get; init; }

    /// <summary>The parent call id.</summary>
    public string? ParentCallId { get; init; }

    /// <summary>The enforced effect.</summary>
    public DecisionEffect Decision { get; init; }

    /// <summary>The policy's effect (differs in audit mode).</summary>
    public DecisionEffect PolicyDecision { get; init; }

    /// <summary>The deciding rules.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The operator reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The matched conditions.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The call's effective tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when an alert was raised.</summary>
    public bool Alert { get; init; }

    /// <summary>True when a fail-safe outcome applied.</summary>
    public bool IsFailure { get; init; }

    /// <summary>True in audit mode when the policy's effect was not enforced.</summary>
    public bool IsShadow { get; init; }

    /// <summary>The arguments as JSON with secrets and sensitive fields redacted; null when not included.</summary>
    public string? Arguments { get; init; }

    /// <summary>How long the evaluation took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The decision's position among those this process audited (1, 2, …): the order in which a replay re-decides calls.</summary>
    public long Sequence { get; init; }

    /// <summary>The tags the event itself carried (set by the adapter or host), without configured or classifier tags: what a replay feeds back.</summary>
    public IReadOnlyList<string> CallTags { get; init; } = [];

    /// <summary>The risk the event itself carried.</summary>
    public RiskLevel Risk { get; init; }

    /// <summary>The session's environment.</summary>
    public string? Environment { get; init; }

    /// <summary>The session's team.</summary>
    public string? Team { get; init; }

    /// <summary>The user's groups.</summary>
    public IReadOnlyList<string> UserGroups { get; init; } = [];

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<string> UserRoles { get; init; } = [];

    /// <summary>True when the user is external.</summary>
    public bool UserExternal { get; init; }

    /// <summary>The session context's data tags.</summary>
    public IReadOnlyList<string> ContextDataTags { get; init; } = [];

    /// <summary>The labels the session had accumulated when the call was decided (e.g. <c>untrusted</c>).</summary>
    public IReadOnlyList<string> SessionLabels { get; init; } = [];
    /// <summary>The W3C trace id of the span the event happened in, when tracing is on.</summary>
    public string? TraceId { get; init; }

    /// <summary>The W3C span id of the span the event happened in, when tracing is on.</summary>
    public string? SpanId { get; init; }

    /// <summary>Set when this record is an approval answer rather than a decision.</summary>
    public ApprovalAuditEntry? Approval { get; init; }
}
