namespace AgentGuard;

/// <summary>The low-cardinality tag names AgentGuard puts on metrics and spans.</summary>
public static class TelemetryTags
{
    /// <summary>The enforced decision: <c>allow</c>, <c>deny</c>, <c>require_approval</c>.</summary>
    public const string Decision = "agentguard.decision";

    /// <summary>The first deciding rule id.</summary>
    public const string RuleId = "agentguard.rule.id";

    /// <summary>The kind of tool use (the hook that saw it).</summary>
    public const string Hook = "agentguard.hook";

    /// <summary>The tool name (OpenTelemetry GenAI semantic convention).</summary>
    public const string ToolName = "gen_ai.tool.name";

    /// <summary><c>true</c> for decisions recorded but not enforced.</summary>
    public const string Shadow = "agentguard.shadow";

    /// <summary>The reload result: <c>success</c> or <c>failure</c>.</summary>
    public const string ReloadResult = "agentguard.reload.result";

    /// <summary>The error type of a failed evaluation.</summary>
    public const string ErrorType = "error.type";

    internal static string ToTagValue(DecisionEffect effect) => effect switch
    {
        DecisionEffect.Allow => "allow",
        DecisionEffect.RequireApproval => "require_approval",
        _ => "deny",
    };
}
