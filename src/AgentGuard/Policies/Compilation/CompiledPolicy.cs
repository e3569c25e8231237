namespace AgentGuard.Policies;

/// <summary>An immutable, validated policy: what the engine evaluates. A reload builds a new one and swaps one reference.</summary>
internal sealed class CompiledPolicy
{
    public required bool AuditOnly { get; init; }

    public required DecisionEffect DefaultEffect { get; init; }

    public required FailureMode OnError { get; init; }

    public required TimeSpan EvaluationTimeout { get; init; }

    public required string[] RiskyTags { get; init; }

    public required bool NameToolInModelMessage { get; init; }

    public required ToolClassifier Tools { get; init; }

    public required IReadOnlyList<CompiledRule> Rules { get; init; }

    public required RuleIndex Index { get; init; }

    public required int MaxHistory { get; init; }

    public required TimeSpan IdleTimeout { get; init; }

    public required int MaxSessions { get; init; }

    public required ToolArgumentLimits ArgumentLimits { get; init; }

    public required AuditOptions Audit { get; init; }

    public required DetectionOptions Detection { get; init; }

    public required TimeSpan ApprovalTimeout { get; init; }

    /// <summary>The options this policy was compiled from (the last good ones).</summary>
    public required AgentGuardOptions Options { get; init; }

    /// <summary>The shared decision for a call no rule matched, when the default is to allow. Cached: the allow path allocates nothing.</summary>
    public Decision DefaultAllow { get; } = new() { Effect = DecisionEffect.Allow, PolicyEffect = DecisionEffect.Allow, Reason = "no rule matched; the default applies" };

    public bool IsRisky(TagView tags, RiskLevel risk) => risk >= RiskLevel.High || tags.ContainsAny(RiskyTags);
}
