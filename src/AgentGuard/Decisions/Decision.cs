namespace AgentGuard;

/// <summary>The engine's answer for one tool call.</summary>
/// <remarks>
/// Two audiences: <see cref="ModelMessage"/> is safe to show the model (no rule internals, no argument values);
/// <see cref="Reason"/>, <see cref="RuleIds"/> and <see cref="Evidence"/> are for operators and the audit trail.
/// </remarks>
public sealed class Decision
{
    /// <summary>What the adapter enforces. In audit mode this is always <see cref="DecisionEffect.Allow"/>.</summary>
    public required DecisionEffect Effect { get; init; }

    /// <summary>What the policy decided, enforced or not. Differs from <see cref="Effect"/> only in audit (shadow) mode.</summary>
    public DecisionEffect PolicyEffect { get; init; }

    /// <summary>The ids of the rules that decided; empty when the default applied.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>A neutral explanation the model can act on, e.g. "send_money was not run: this action is not permitted by policy."</summary>
    public string ModelMessage { get; init; } = string.Empty;

    /// <summary>The full explanation for operators.</summary>
    public string? Reason { get; init; }

    /// <summary>The conditions that matched, e.g. <c>user.external=true</c>, <c>session.label=untrusted</c>.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>True when a rule asked for an alert, or the decision came from a failure.</summary>
    public bool Alert { get; init; }

    /// <summary>True when the engine could not decide (a rule threw or ran out of time) and a fail-safe outcome applied.</summary>
    public bool IsFailure { get; init; }

    /// <summary>True when the decision was recorded but not enforced (audit mode).</summary>
    public bool IsShadow { get; init; }

    /// <summary>True when the agent's tool loop should stop rather than continue with the denial as the tool's result.</summary>
    public bool Terminate { get; init; }

    /// <summary>The effective tags of the call the decision was made for.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when the call may run now.</summary>
    public bool IsAllowed => Effect == DecisionEffect.Allow;

    /// <inheritdoc />
    public override string ToString()
        => RuleIds.Count == 0 ? $"{Effect}" : $"{Effect} by {string.Join(", ", RuleIds)}";
}
