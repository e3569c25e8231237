using AgentGuard.Infrastructure;

namespace AgentGuard.Testing;

/// <summary>
/// One decided call and why, with fluent assertions that throw <see cref="PolicyAssertionException"/>. Effects are
/// the policy's (<see cref="Decision.PolicyEffect"/>), so a policy in audit mode is tested for what it would do;
/// <see cref="ShouldBeEnforced"/> checks what was enforced.
/// </summary>
public sealed class PolicyOutcome
{
    internal PolicyOutcome(ToolCallEvent call, GuardContext context, PolicyExplanation explanation)
    {
        Call = call;
        Context = context;
        Explanation = explanation;
    }

    /// <summary>The call.</summary>
    public ToolCallEvent Call { get; }

    /// <summary>The session facts it was decided with.</summary>
    public GuardContext Context { get; }

    /// <summary>The engine's decision.</summary>
    public Decision Decision => Explanation.Decision;

    /// <summary>Every rule's checks and the precedence.</summary>
    public PolicyExplanation Explanation { get; }

    /// <summary>Asserts the policy denies the call.</summary>
    public PolicyOutcome ShouldBeDenied() => ShouldBe(DecisionEffect.Deny);

    /// <summary>Asserts the policy allows the call.</summary>
    public PolicyOutcome ShouldBeAllowed() => ShouldBe(DecisionEffect.Allow);

    /// <summary>Asserts the policy requires approval for the call.</summary>
    public PolicyOutcome ShouldRequireApproval() => ShouldBe(DecisionEffect.RequireApproval);

    /// <summary>Asserts the policy's effect.</summary>
    public PolicyOutcome ShouldBe(DecisionEffect effect)
        => Decision.PolicyEffect == effect ? this : Fail($"expected {effect}, but the policy decided {Decision.PolicyEffect}");

    /// <summary>Asserts the enforced effect (differs from the policy's in audit mode).</summary>
    public PolicyOutcome ShouldBeEnforced(DecisionEffect effect)
        => Decision.Effect == effect ? this : Fail($"expected {effect} to be enforced, but {Decision.Effect} was");

    /// <summary>Asserts <paramref name="ruleId"/> is among the deciding rules.</summary>
    public PolicyOutcome ByRule(string ruleId)
        => Decision.RuleIds.Contains(ruleId, StringComparer.OrdinalIgnoreCase) ? this : Fail($"expected rule '{ruleId}' to decide, but {DescribeRules()} decided");

    /// <summary>Asserts the deciding rules are exactly these (in any order); none means the default decided.</summary>
    public PolicyOutcome ByRules(params string[] ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        var same = ruleIds.Length == Decision.RuleIds.Count && ruleIds.All(id => Decision.RuleIds.Contains(id, StringComparer.OrdinalIgnoreCase));
        return same ? this : Fail($"expected {(ruleIds.Length == 0 ? "no rule (the default)" : $"rules [{string.Join(", ", ruleIds)}]")} to decide, but {DescribeRules()} decided");
    }

    /// <summary>Asserts no rule decided: the default decision applied.</summary>
    public PolicyOutcome ByDefault() => ByRules();

    /// <summary>Asserts <paramref name="ruleId"/> is not among the deciding rules.</summary>
    public PolicyOutcome NotByRule(string ruleId)
        => Decision.RuleIds.Contains(ruleId, StringComparer.OrdinalIgnoreCase) ? Fail($"expected rule '{ruleId}' not to decide, but it did") : this;

    /// <summary>Asserts some evidence entry contains <paramref name="text"/> (case-insensitive).</summary>
    public PolicyOutcome WithEvidence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Decision.Evidence.Any(e => e.Contains(text, StringComparison.OrdinalIgnoreCase))
            ? this
            : Fail($"expected evidence containing '{text}', but the evidence was [{string.Join("; ", Decision.Evidence)}]");
    }

    /// <summary>Asserts whether an alert was raised.</summary>
    public PolicyOutcome WithAlert(bool alert = true)
        => Decision.Alert == alert ? this : Fail(alert ? "expected an alert, but none was raised" : "expected no alert, but one was raised");

    /// <inheritdoc />
    public override string ToString() => ExplanationFormatter.Format(Explanation);

    private string DescribeRules() => Decision.RuleIds.Count == 0 ? "no rule (the default)" : $"[{string.Join(", ", Decision.RuleIds)}]";

    private PolicyOutcome Fail(string what)
        => throw new PolicyAssertionException($"Policy assertion failed for {Describe(Call, Context)}: {what}.{Environment.NewLine}{ExplanationFormatter.Format(Explanation)}");

    private static string Describe(ToolCallEvent call, GuardContext context)
    {
        var parts = new List<string> { $"{call.ToolName} ({call.Kind}{(call.Source is null ? string.Empty : ", source " + call.Source)})" };
        if (context.User is { } user)
        {
            parts.Add("user " + user.Id);
        }

        if (context.Environment is { } environment)
        {
            parts.Add("environment " + environment);
        }

        if (context.SessionId is { } session)
        {
            parts.Add("session " + session);
        }

        return string.Join(", ", parts);
    }
}
