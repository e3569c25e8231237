namespace AgentGuard;

/// <summary>
/// The tag names AgentGuard puts on metrics and spans. Where an OpenTelemetry semantic convention exists (GenAI
/// <c>gen_ai.*</c>, <c>error.type</c>) it is used; the rest are <c>agentguard.*</c>.
/// </summary>
public static class TelemetryTags
{
    /// <summary>The enforced decision: <c>allow</c>, <c>deny</c>, <c>require_approval</c>. In audit mode this is what happened (<c>allow</c>).</summary>
    public const string Decision = "agentguard.decision";

    /// <summary>The policy's own decision; differs from <see cref="Decision"/> only in audit mode.</summary>
    public const string PolicyDecision = "agentguard.policy.decision";

    /// <summary>The policy mode in force: <c>enforce</c> or <c>audit</c> (spans only).</summary>
    public const string Mode = "agentguard.mode";

    /// <summary>The first deciding rule id.</summary>
    public const string RuleId = "agentguard.rule.id";

    /// <summary>The kind of tool use (the hook that saw it).</summary>
    public const string Hook = "agentguard.hook";

    /// <summary>The tool name (OpenTelemetry GenAI semantic convention).</summary>
    public const string ToolName = "gen_ai.tool.name";

    /// <summary>The tool call id (OpenTelemetry GenAI semantic convention; spans only: high cardinality).</summary>
    public const string ToolCallId = "gen_ai.tool.call.id";

    /// <summary>The conversation (session) id (OpenTelemetry GenAI semantic convention; spans only).</summary>
    public const string ConversationId = "gen_ai.conversation.id";

    /// <summary>The agent id (OpenTelemetry GenAI semantic convention; spans only).</summary>
    public const string AgentId = "gen_ai.agent.id";

    /// <summary>The agent name (OpenTelemetry GenAI semantic convention; spans only).</summary>
    public const string AgentName = "gen_ai.agent.name";

    /// <summary>The GenAI operation of a span; AgentGuard looks for <see cref="ExecuteToolOperation"/> on the current span.</summary>
    public const string OperationName = "gen_ai.operation.name";

    /// <summary>The GenAI operation name of a framework's tool-execution span.</summary>
    public const string ExecuteToolOperation = "execute_tool";

    /// <summary><c>true</c> for decisions recorded but not enforced.</summary>
    public const string Shadow = "agentguard.shadow";

    /// <summary>The reload result: <c>success</c> or <c>failure</c>.</summary>
    public const string ReloadResult = "agentguard.reload.result";

    /// <summary>The outcome of an approval: <c>approved</c>, <c>rejected</c>, <c>timed_out</c>, <c>failed</c>, <c>no_approver</c>.</summary>
    public const string ApprovalOutcome = "agentguard.approval.outcome";

    /// <summary>The fingerprint an approval is bound to (spans only).</summary>
    public const string CallFingerprint = "agentguard.call.fingerprint";

    /// <summary>
    /// The error type (OpenTelemetry convention): <see cref="DeniedErrorType"/> on an enforced denial,
    /// <see cref="EvaluationFailedErrorType"/> when a fail-safe outcome applied.
    /// </summary>
    public const string ErrorType = "error.type";

    /// <summary>The <see cref="ErrorType"/> value of a call AgentGuard did not let run.</summary>
    public const string DeniedErrorType = "agentguard.denied";

    /// <summary>The <see cref="ErrorType"/> value of an evaluation that could not decide and applied its fail-safe.</summary>
    public const string EvaluationFailedErrorType = "evaluation_failed";

    internal static string ToTagValue(DecisionEffect effect) => effect switch
    {
        DecisionEffect.Allow => "allow",
        DecisionEffect.RequireApproval => "require_approval",
        _ => "deny",
    };

    internal static string ToTagValue(ApprovalOutcome outcome) => outcome switch
    {
        AgentGuard.ApprovalOutcome.Approved => "approved",
        AgentGuard.ApprovalOutcome.Rejected => "rejected",
        AgentGuard.ApprovalOutcome.TimedOut => "timed_out",
        AgentGuard.ApprovalOutcome.NoApprover => "no_approver",
        _ => "failed",
    };
}
