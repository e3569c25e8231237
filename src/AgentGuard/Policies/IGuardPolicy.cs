namespace AgentGuard;

/// <summary>
/// A policy written in C#, for what configuration cannot say. Combined with the configured rules under the same
/// precedence (deny beats require-approval beats allow). Register with <c>AddAgentGuard().AddPolicy&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// A policy that throws or exceeds <see cref="Timeout"/> does not crash the agent: its <see cref="OnError"/>
/// outcome applies to the call and the other rules still run.
/// </remarks>
public interface IGuardPolicy
{
    /// <summary>A stable id, reported in decisions and audit events.</summary>
    string Id { get; }

    /// <summary>What happens when the policy fails. <see cref="FailureMode.Auto"/> uses the global <c>OnError</c>.</summary>
    FailureMode OnError => FailureMode.Auto;

    /// <summary>How long the policy may take; <see langword="null"/> uses the global <c>EvaluationTimeout</c>.</summary>
    TimeSpan? Timeout => null;

    /// <summary>Evaluates one call.</summary>
    ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken);
}

/// <summary>A code policy's answer for one call.</summary>
/// <param name="Effect">The effect, or <see langword="null"/> when the policy does not apply.</param>
/// <param name="Reason">Why, for operators.</param>
/// <param name="Alert">True to raise an alert whatever the effect.</param>
public readonly record struct PolicyVerdict(DecisionEffect? Effect, string? Reason = null, bool Alert = false)
{
    /// <summary>The policy has nothing to say about this call.</summary>
    public static PolicyVerdict NotApplicable => default;

    /// <summary>Allows the call (other rules may still deny it).</summary>
    public static PolicyVerdict Allow(string? reason = null) => new(DecisionEffect.Allow, reason);

    /// <summary>Denies the call.</summary>
    public static PolicyVerdict Deny(string reason) => new(DecisionEffect.Deny, reason);

    /// <summary>Requires a human to approve the call.</summary>
    public static PolicyVerdict RequireApproval(string reason) => new(DecisionEffect.RequireApproval, reason);
}

/// <summary>Everything a policy sees for one call.</summary>
public sealed class PolicyEvaluationContext
{
    internal PolicyEvaluationContext(ToolCallEvent toolCall, GuardContext context, IReadOnlyCollection<string> tags, RiskLevel risk, SessionSnapshot session)
    {
        ToolCall = toolCall;
        Context = context;
        Tags = tags;
        Risk = risk;
        Session = session;
    }

    /// <summary>The call.</summary>
    public ToolCallEvent ToolCall { get; }

    /// <summary>The session context.</summary>
    public GuardContext Context { get; }

    /// <summary>The call's effective tags (the event's, configuration's and classifiers').</summary>
    public IReadOnlyCollection<string> Tags { get; }

    /// <summary>The call's effective risk.</summary>
    public RiskLevel Risk { get; }

    /// <summary>The session's history and labels, before this call.</summary>
    public SessionSnapshot Session { get; }
}
