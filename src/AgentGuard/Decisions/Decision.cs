namespace AgentGuard;

/// <summary>The engine's answer for one tool call.</summary>
/// <remarks>
/// Two audiences: <see cref="ModelMessage"/> is safe to show the model (no rule internals, no argument values);
/// <see cref="Reason"/>, <see cref="RuleIds"/> and <see cref="Evidence"/> are for operators and the audit trail.
/// Immutable: a later step (an approval, a rejection) makes a new decision through a named transition
/// (<see cref="Approved"/>, <see cref="Rejected"/>), so no property is ever lost in a copy.
/// </remarks>
public sealed record Decision
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

    /// <summary>This decision after a person (or an approval grant) approved the call: it may run.</summary>
    /// <param name="how">What approved it, appended to <see cref="Reason"/> (e.g. <c>approved by alice</c>).</param>
    public Decision Approved(string how) => this with
    {
        Effect = DecisionEffect.Allow,
        Reason = Append(Reason, how),
        Terminate = false,
    };

    /// <summary>This decision after the call was refused at a later step (approval not given, timed out, failed).</summary>
    /// <param name="why">What refused it, appended to <see cref="Reason"/>.</param>
    /// <param name="modelMessage">The neutral text the model sees instead.</param>
    public Decision Rejected(string why, string modelMessage) => this with
    {
        Effect = DecisionEffect.Deny,
        Reason = Append(Reason, why),
        ModelMessage = modelMessage,
    };

    /// <summary>
    /// This decision recorded but not enforced (audit mode): the call may run, <see cref="PolicyEffect"/> keeps what
    /// the policy decided and <see cref="IsShadow"/> is set when that was not an allow.
    /// </summary>
    public Decision Shadowed() => PolicyEffect == DecisionEffect.Allow ? this : this with
    {
        Effect = DecisionEffect.Allow,
        IsShadow = true,
        Terminate = false,
    };

    /// <inheritdoc />
    public override string ToString()
        => RuleIds.Count == 0 ? $"{Effect}" : $"{Effect} by {string.Join(", ", RuleIds)}";

    private static string Append(string? reason, string step) => string.IsNullOrEmpty(reason) ? step : reason + "; " + step;
}
