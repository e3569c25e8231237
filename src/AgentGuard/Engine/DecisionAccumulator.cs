using AgentGuard.Policies;

namespace AgentGuard;

/// <summary>
/// Gathers what the rules said about one call and applies the precedence: deny beats require-approval beats allow.
/// A struct on the stack; it holds up to eight rules inline and allocates only beyond that or when a failure contributes.
/// </summary>
internal struct DecisionAccumulator
{
    private InlineRules _inline;
    private int _count;
    private List<CompiledRule>? _more;
    private List<(string Id, DecisionEffect Effect, string Reason)>? _failures;
    private List<string>? _grantsNothing;
    private RulePlan? _plan;
    private int _answers;

    public DecisionEffect? Effect { get; private set; }

    /// <summary>The candidates the rules came from; holds the decisions made before for the same deciding rules.</summary>
    public CandidateSet? Candidates { get; set; }

    public bool Alert { get; private set; }

    public readonly bool HasFailures => _failures is not null || _grantsNothing is not null;

    /// <summary>True when nothing was added yet: no rule, failure, verdict or alert.</summary>
    public readonly bool IsEmpty => _count == 0 && Effect is null && !Alert && !HasFailures;

    /// <summary>The plan whose rules alone made this accumulator (see <see cref="FromPlan"/>), or null.</summary>
    public readonly RulePlan? Plan => _plan;

    /// <summary>What the plan's dynamic rules answered (bit k: the k-th held).</summary>
    public readonly int Answers => _answers;

    /// <summary>
    /// Marks what is gathered as made by <paramref name="plan"/>'s rules alone, its dynamic rules having answered
    /// <paramref name="answers"/>: the decision is the one the plan keeps for them (kept by the engine on first use).
    /// Only for an accumulator that held nothing before the plan's rules and had no failure from them.
    /// </summary>
    public void FromPlan(RulePlan plan, int answers)
    {
        _plan = plan;
        _answers = answers;
    }

    public readonly bool IsSingleRule => _count == 1 && _failures is null && _grantsNothing is null;

    public readonly CompiledRule? SingleRule => _count == 1 ? _inline[0] : null;

    public void Add(CompiledRule rule)
    {
        Combine(rule.Effect);
        Alert |= rule.Alert;
        if (_count < InlineRules.Length)
        {
            _inline[_count] = rule;
        }
        else
        {
            (_more ??= []).Add(rule);
        }

        _count++;
    }

    /// <summary>
    /// The key of the decision when rules alone decided <paramref name="effect"/> (no failure, no code policy) and at
    /// most <see cref="DecisionKey.MaxRules"/> rules have that effect; false otherwise.
    /// </summary>
    public readonly bool TryKey(DecisionEffect effect, out DecisionKey key)
    {
        key = default;
        if (_failures is not null || _grantsNothing is not null)
        {
            return false;
        }

        var deciding = default(InlineRules);
        var found = 0;
        for (var i = 0; i < _count; i++)
        {
            var rule = RuleAt(i);
            if (rule.Effect != effect)
            {
                continue;
            }

            if (found == DecisionKey.MaxRules)
            {
                return false;
            }

            deciding[found++] = rule;
        }

        key = new DecisionKey(effect, Alert, found, in deciding);
        return true;
    }

    private readonly CompiledRule RuleAt(int i) => i < InlineRules.Length ? _inline[i]! : _more![i - InlineRules.Length];

    public void AddVerdict(string id, DecisionEffect effect, string? reason, bool alert)
    {
        Combine(effect);
        Alert |= alert;
        (_failures ??= []).Add((id, effect, reason ?? string.Empty));
    }

    public void AddFailure(string id, DecisionEffect effect, string reason)
    {
        Combine(effect);
        Alert = true;
        (_failures ??= []).Add((id, effect, "failure: " + reason));
    }

    /// <summary>
    /// A part of the policy that could not decide and whose fail-safe outcome under <c>Auto</c> is "allow with an alert":
    /// it raises the alert and is named in the reason, but grants nothing — the rules and the default decide as if it
    /// were absent, so a rule that ran out of time can never allow what the default denies.
    /// </summary>
    public void AddFailureGrantingNothing(string reason)
    {
        Alert = true;
        (_grantsNothing ??= []).Add("failure: " + reason);
    }

    /// <summary>The failures whose outcome was "allow": named in the reason, never among the deciding ids.</summary>
    public readonly IReadOnlyList<string> FailuresGrantingNothing => _grantsNothing ?? (IReadOnlyList<string>)[];

    /// <summary>Raises an alert without contributing an effect (a failure whose fail-safe outcome is to allow grants nothing).</summary>
    public void AddAlert() => Alert = true;

    public readonly bool IsFailureDecided(DecisionEffect effect)
    {
        if (effect == DecisionEffect.Allow && _grantsNothing is not null)
        {
            // The call is allowed (by the rules or the default) while a part of the policy could not decide.
            return true;
        }

        if (_failures is null)
        {
            return false;
        }

        foreach (var failure in _failures)
        {
            if (failure.Effect == effect && failure.Reason.StartsWith("failure: ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The contributions that decided: those whose effect is the final one.</summary>
    public readonly (List<string> RuleIds, List<string> Reasons, List<string> Evidence, CompiledRule? FirstRule, bool StopAgent) Deciding(DecisionEffect effect)
    {
        var ids = new List<string>();
        var reasons = new List<string>();
        var evidence = new List<string>();
        CompiledRule? first = null;
        var stop = false;
        for (var i = 0; i < _count; i++)
        {
            var rule = RuleAt(i);
            if (rule.Effect != effect)
            {
                continue;
            }

            first ??= rule;
            stop |= rule.StopAgent;
            ids.Add(rule.Id);
            reasons.Add(rule.Reason ?? $"rule '{rule.Id}' matched");
            evidence.AddRange(rule.Evidence);
        }

        if (_failures is not null)
        {
            foreach (var (id, failureEffect, reason) in _failures)
            {
                if (failureEffect == effect)
                {
                    ids.Add(id);
                    reasons.Add(reason.Length == 0 ? $"policy '{id}' decided" : reason);
                }
            }
        }

        reasons.AddRange(FailuresGrantingNothing);
        return (ids, reasons, evidence, first, stop);
    }

    private void Combine(DecisionEffect effect) => Effect = Effect is { } current && current < effect ? current : effect;
}
