namespace AgentGuard.Infrastructure;

/// <summary>One rule's part in a <see cref="PolicyExplanation"/>.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Effect">The rule's effect.</param>
/// <param name="Outcome">How far the rule got.</param>
/// <param name="Checks">Each part of its match, then each condition, in evaluation order.</param>
public sealed record RuleTrace(string RuleId, DecisionEffect Effect, RuleOutcome Outcome, IReadOnlyList<CheckTrace> Checks);

/// <summary>How far a rule got for one call.</summary>
public enum RuleOutcome
{
    /// <summary>The match (tools, kinds, sources, tags, risk) did not fit the call.</summary>
    NotMatched,

    /// <summary>The match fitted but a condition did not hold.</summary>
    ConditionNotMet,

    /// <summary>A condition failed (e.g. a regex time-out); the rule's fail-safe outcome applied.</summary>
    Failed,

    /// <summary>Everything held: the rule contributed its effect.</summary>
    Contributed,
}

/// <summary>One part of a rule's match or one condition.</summary>
/// <param name="Part">Where it is in the rule: <c>Match.Tools</c>, <c>When.Sequence</c>…</param>
/// <param name="Description">What it tests, as in a decision's evidence.</param>
/// <param name="Outcome">Whether it held.</param>
public sealed record CheckTrace(string Part, string Description, CheckOutcome Outcome);

/// <summary>Whether one check held.</summary>
public enum CheckOutcome
{
    /// <summary>It held.</summary>
    Met,

    /// <summary>It did not hold.</summary>
    NotMet,

    /// <summary>It was not evaluated because an earlier check did not hold (the engine stops at the first).</summary>
    NotEvaluated,

    /// <summary>Evaluating it threw.</summary>
    Failed,
}
